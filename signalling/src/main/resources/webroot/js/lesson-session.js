// One participant's lesson: joins over the signalling socket, keeps the JSON-safe lesson state that the UI renders
// (and tests read through window.sabaq.state), applies server messages (protocol section 2.2), performs the user's
// actions, and reconnects (a fresh join and a fresh peer connection) when the socket or the media transport is lost.
import { SignallingClient, ProtocolError } from './signalling.js';
import { MediaSession } from './media.js';
import { LocalPublisher } from './publisher.js';
import { currentLanguage } from './i18n.js';
import { overallConnection } from './connection-status.js';
import { createLessonState, upsertParticipant, removeParticipant, mergeChat, readClientId, storeClientId } from './lesson-state.js';
import { LinkMonitor } from './link-monitor.js';

/** Join errors after which retrying cannot help. */
const FATAL_JOIN_CODES = new Set(['TOKEN_INVALID', 'TOKEN_EXPIRED', 'LESSON_NOT_FOUND', 'LESSON_ENDED', 'REMOVED', 'FORBIDDEN']);
const CHAT_MAX_CHARS = 2000;
const MAX_MEDIA_RESTARTS = 3;
/** ICE restarts tried on the same peer connection before a full rejoin. */
const MAX_ICE_RESTARTS = 2;
/** How long a "disconnected" transport may stay quiet before an ICE restart. */
const ICE_RESTART_AFTER_MS = 3000;
const RECONNECT_MAX_DELAY_MS = 10_000;
/** connection-quality arrives about every participant every ~2 s: their renders are batched over this long. */
const QUALITY_RENDER_DELAY_MS = 250;

export class LessonSession {
  /** Plain data only, so that tests can serialise it (see lesson-state.js). */
  state = createLessonState();

  #token;
  #name = '';
  #changeListeners = new Set();
  #noticeListeners = new Set();
  #changeQueued = false;
  #everJoined = false;
  #finished = false;
  #reconnectTimer = null;
  #iceRestartTimer = null;
  #iceRestarts = 0;
  #reconnectAttempts = 0;
  #peerEverConnected = false;
  #mediaRestarts = 0;
  #mediaGaveUp = false;
  #joinFailed = false;
  #qualityRenderTimer = null;

  /**
   * @param options token (join token), claims (its decoded claims), lesson (GET /api/lessons/{id} body or null),
   *   wsUrl, fakeScreen
   */
  constructor({ token, claims, lesson, wsUrl, fakeScreen = false }) {
    this.#token = token;
    const s = this.state;
    s.role = claims?.role ?? null;
    s.lessonId = lesson?.lessonId ?? claims?.lsn ?? null;
    s.title = lesson?.title ?? '';
    s.teacherName = lesson?.teacherName ?? '';
    s.clientId = readClientId(s.lessonId);
    this.signalling = new SignallingClient(wsUrl);
    this.media = new MediaSession(this.signalling, {
      onChange: (reason) => this.#onMediaChange(reason),
      onError: (error, context) => this.#onMediaError(error, context),
    });
    this.publisher = new LocalPublisher(this.media, this.signalling, {
      onChange: () => this.#changed(),
      onError: (error, context) => this.#onMediaError(error, context),
      fakeScreen,
    });
    this.link = new LinkMonitor(s, this.signalling, {
      onChange: () => this.#changed(),
      onError: (error) => this.#notice({ kind: 'error', code: error.code ?? 'UNKNOWN', message: error.message }),
    });
    this.#listen();
  }

  onChange(listener) {
    this.#changeListeners.add(listener);
  }

  /** Listener gets {kind: 'error'|'info', code?, message?, key?, params?} for toasts. */
  onNotice(listener) {
    this.#noticeListeners.add(listener);
  }

  /** The first join; rejects with a ProtocolError (the page shows it) when it fails. */
  async join(name) {
    this.#name = name;
    this.#joinFailed = false;
    this.#changed();
    try {
      await this.#connectAndJoin();
    } catch (error) {
      this.#joinFailed = true;
      this.signalling.close();
      if (FATAL_JOIN_CODES.has(error.code)) this.#finishAfterJoinError(error);
      this.#changed();
      throw error;
    }
  }

  /** The lesson had already ended before this page joined (GET /api/lessons said so). */
  markEnded() {
    this.#finish('ended');
  }

  participant(id) {
    return this.state.participants.find((p) => p.id === id) ?? null;
  }

  get self() {
    return this.participant(this.state.participantId);
  }

  async sendChat(text) {
    const trimmed = String(text ?? '').trim();
    if (this.state.role === 'observer') return this.#refuse('FORBIDDEN');
    if (trimmed.length === 0 || trimmed.length > CHAT_MAX_CHARS) return this.#refuse('BAD_REQUEST');
    return this.#act({ type: 'chat', text: trimmed });
  }

  async raiseHand(raised = true) {
    if (this.state.role !== 'student') return this.#refuse('FORBIDDEN');
    const before = this.state.handRaised;
    this.state.handRaised = Boolean(raised);
    this.#changed();
    const accepted = await this.#act({ type: 'hand', raised: Boolean(raised) });
    if (!accepted) {
      this.state.handRaised = before;
      this.#changed();
    }
    return accepted;
  }

  grantFloor(participantId, granted = true) {
    return this.#act({ type: 'grant-floor', participantId, granted: Boolean(granted) });
  }

  mute(participantId) {
    return this.#act({ type: 'mute', participantId });
  }

  remove(participantId) {
    return this.#act({ type: 'remove', participantId });
  }

  endLesson() {
    return this.#act({ type: 'end-lesson' });
  }

  /** Teacher: start recording the lesson (every page then shows REC). */
  async record() {
    if (this.state.role !== 'teacher') return this.#refuse('FORBIDDEN');
    if (this.state.recording) return true;
    const accepted = await this.#act({ type: 'record' });
    if (accepted) {
      this.state.recording = true;
      this.#changed();
    }
    return accepted;
  }

  async leave() {
    if (this.#finished) return true;
    if (this.signalling.state === 'open') this.signalling.send({ type: 'leave' }).catch(() => {});
    this.#finish('left');
    return true;
  }

  /** Microphone on/off; turning it on after the teacher muted asks the server to unmute (needs the floor). */
  async setMicrophone(on) {
    if (!this.#canPublish()) return this.#refuse('FORBIDDEN');
    await this.publisher.setMicrophone(Boolean(on));
    return true;
  }

  async setCamera(on) {
    if (!this.#canPublish()) return this.#refuse('FORBIDDEN');
    await this.publisher.setCamera(Boolean(on));
    return true;
  }

  /**
   * Audio only on/off (protocol receive-mode): the page stops showing remote video at once, the choice is remembered
   * for the lesson and sent again after every rejoin. Resolves true once the server confirmed it; false when the
   * server refused it (the choice returns to the server's) or when not connected now (it is sent on the rejoin).
   */
  setAudioOnly(on) {
    return this.link.setAudioOnly(on);
  }

  async startScreenShare() {
    if (this.state.role !== 'teacher') return this.#refuse('FORBIDDEN');
    await this.publisher.startScreen();
    return this.publisher.sharingScreen;
  }

  async stopScreenShare() {
    await this.publisher.stopScreen();
    return true;
  }

  async #connectAndJoin() {
    clearTimeout(this.#reconnectTimer);
    await this.signalling.connect();
    const message = { type: 'join', token: this.#token, name: this.#name, lang: currentLanguage() };
    if (this.state.clientId) message.clientId = this.state.clientId;
    const joined = await this.signalling.request(message);
    this.#onJoined(joined);
  }

  #onJoined(joined) {
    const s = this.state;
    this.#everJoined = true;
    this.#reconnectAttempts = 0;
    s.joined = true;
    s.participantId = joined.participantId;
    s.connectionDetail.media = null;
    s.role = joined.role ?? s.role;
    if (joined.clientId) {
      s.clientId = joined.clientId;
      storeClientId(s.lessonId, joined.clientId);
    }
    if (joined.lesson) {
      s.lessonId = joined.lesson.id ?? s.lessonId;
      s.title = joined.lesson.title ?? s.title;
      s.teacherName = joined.lesson.teacherName ?? s.teacherName;
    }
    s.participants.splice(0, s.participants.length, ...(joined.participants ?? []));
    if (!this.self) s.participants.push({ id: s.participantId, name: this.#name, role: s.role, connection: 'new' });
    s.tracks = joined.tracks ?? [];
    s.recording = Boolean(joined.recording);
    mergeChat(s.chat, joined.chat ?? []);
    const self = this.self;
    this.link.joined(self);
    s.floor = s.role === 'student' && Boolean(self.hasFloor);
    s.handRaised = Boolean(self.handRaised);
    s.muted = Boolean(self.muted);
    this.publisher.mutedByTeacher = s.muted;
    if (joined.lesson?.state === 'ended') {
      this.#finish('ended');
      return;
    }
    if (s.role !== 'teacher' && !s.floor) this.publisher.stop({ notifyServer: false });
    this.media.start(s.participantId);
    this.media.setRemoteTracks(s.tracks);
    if (this.publisher.active) this.publisher.announce();
    else if (s.role === 'teacher' || s.floor) this.publisher.start();
    this.#changed();
  }

  #listen() {
    const s = this.state;
    const on = (type, handler) =>
      this.signalling.on(type, (message) => {
        handler(message);
        this.#changed();
      });
    on('participant-joined', (m) => upsertParticipant(s.participants, m.participant));
    on('participant-updated', (m) => {
      upsertParticipant(s.participants, m.participant);
      if (m.participant?.id === s.participantId) this.#syncSelf(m.participant);
    });
    on('participant-left', (m) => {
      removeParticipant(s.participants, m.participantId);
      if (s.activeSpeaker === m.participantId) s.activeSpeaker = null;
      this.link.participantLeft(m.participantId);
    });
    this.signalling.on('connection-quality', (m) => {
      this.link.onQuality(m);
      this.#qualityRenderTimer ??= setTimeout(() => {
        this.#qualityRenderTimer = null;
        this.#changed();
      }, QUALITY_RENDER_DELAY_MS);
    });
    on('tracks', (m) => {
      s.tracks = Array.isArray(m.tracks) ? m.tracks : [];
      if (s.joined) this.media.setRemoteTracks(s.tracks);
    });
    on('chat', (m) => mergeChat(s.chat, [m]));
    on('recording', (m) => {
      s.recording = Boolean(m.active);
    });
    on('floor', (m) => this.#setFloor(Boolean(m.granted)));
    on('muted', () => {
      s.muted = true;
      this.publisher.applyMutedByTeacher();
      this.#notice({ kind: 'info', key: 'notice.mutedByTeacher' });
    });
    on('removed', () => this.#finish('removed'));
    on('lesson-ended', () => this.#finish('ended'));
    on('active-speaker', (m) => {
      s.activeSpeaker = m.participantId ?? null;
    });
    on('media-connection', (m) => {
      const participant = this.participant(m.participantId);
      if (participant) participant.connection = m.state;
      if (m.participantId === s.participantId) s.connectionDetail.media = m.state;
    });
    on('error', (m) => this.#notice({ kind: 'error', code: m.code, message: m.message }));
    this.signalling.on('state', (state) => {
      s.connectionDetail.websocket = state;
      this.#changed();
    });
    this.signalling.on('close', ({ byClient }) => {
      s.joined = false;
      this.link.closed();
      if (!byClient && !this.#finished && this.#everJoined) this.#scheduleReconnect();
      this.#changed();
    });
  }

  #syncSelf(self) {
    const s = this.state;
    s.handRaised = Boolean(self.handRaised);
    if (s.muted && !self.muted) this.publisher.mutedByTeacher = false;
    s.muted = Boolean(self.muted);
    if (s.role === 'student') this.#setFloor(Boolean(self.hasFloor));
    this.link.selfUpdated(self);
  }

  #setFloor(granted) {
    const s = this.state;
    if (s.role !== 'student' || s.floor === granted) return;
    s.floor = granted;
    if (granted) {
      this.publisher.start();
      this.#notice({ kind: 'info', key: 'floor.you' });
    } else {
      this.publisher.stop();
      this.#notice({ kind: 'info', key: 'notice.floorRevoked' });
    }
  }

  #canPublish() {
    return this.state.role === 'teacher' || (this.state.role === 'student' && this.state.floor);
  }

  async #act(message) {
    try {
      await this.signalling.send(message);
      return true;
    } catch (error) {
      this.#notice({ kind: 'error', code: error.code ?? 'UNKNOWN', message: error.message });
      return false;
    }
  }

  #refuse(code) {
    this.#notice({ kind: 'error', code });
    return false;
  }

  #onMediaChange(reason) {
    if (reason === 'connection') {
      const state = this.media.pc?.connectionState;
      if (state === 'connected') {
        this.#peerEverConnected = true;
        this.#mediaRestarts = 0;
        this.#iceRestarts = 0;
        this.#mediaGaveUp = false;
        clearTimeout(this.#iceRestartTimer);
      } else if (state === 'disconnected') {
        // The path went quiet (a network drop): if it does not come back by itself soon, restart ICE.
        clearTimeout(this.#iceRestartTimer);
        this.#iceRestartTimer = setTimeout(() => {
          if (this.media.pc?.connectionState === 'disconnected') this.#restartIce();
        }, ICE_RESTART_AFTER_MS);
      } else if (state === 'failed') {
        clearTimeout(this.#iceRestartTimer);
        if (this.#iceRestarts < MAX_ICE_RESTARTS) this.#restartIce();
        else this.#restartAfterMediaFailure();
      }
    }
    this.#changed();
  }

  #onMediaError(error, context) {
    // unpublish after a revoked floor: the server has already removed the tracks, so its refusal is expected.
    if (context === 'unpublish') return;
    if (context === 'negotiation' && (error.code === 'NETWORK' || error.code === 'TIMEOUT') && !this.state.joined) return;
    if (context === 'negotiation' && error.code === 'FORBIDDEN' && this.state.role === 'student') {
      this.state.floor = false;
      this.publisher.stop({ notifyServer: false });
    }
    const code = error instanceof ProtocolError || typeof error.code === 'string' ? error.code : 'BAD_SDP';
    if (context === 'capture') this.state.mediaError = code;
    this.#notice({ kind: 'error', code, message: error.message });
  }

  /** Same participant, same peer connection, new ICE credentials: media resumes without a rejoin. */
  #restartIce() {
    if (this.#finished || !this.state.joined) return;
    this.#iceRestarts++;
    this.media.restartIce().catch(() => this.#restartAfterMediaFailure());
  }

  /** The media transport failed: rejoin (new socket, new peer connection), at most MAX_MEDIA_RESTARTS in a row. */
  #restartAfterMediaFailure() {
    if (this.#finished || !this.state.joined) return;
    if (this.#mediaRestarts >= MAX_MEDIA_RESTARTS) {
      this.#mediaGaveUp = true;
      this.#notice({ kind: 'error', code: 'MEDIA_CONNECTION' });
      return;
    }
    this.#mediaRestarts++;
    this.signalling.close();
    this.state.joined = false;
    this.#scheduleReconnect();
  }

  #scheduleReconnect() {
    if (this.#finished) return;
    clearTimeout(this.#reconnectTimer);
    const delay = Math.min(500 * 2 ** this.#reconnectAttempts, RECONNECT_MAX_DELAY_MS) * (0.8 + Math.random() * 0.4);
    this.#reconnectAttempts++;
    this.#reconnectTimer = setTimeout(async () => {
      try {
        await this.#connectAndJoin();
      } catch (error) {
        if (FATAL_JOIN_CODES.has(error.code)) {
          this.#finishAfterJoinError(error);
        } else {
          this.signalling.close();
          this.#scheduleReconnect();
        }
      }
      this.#changed();
    }, delay);
    this.#changed();
  }

  #finishAfterJoinError(error) {
    if (error.code === 'LESSON_ENDED') this.#finish('ended');
    else if (error.code === 'REMOVED') this.#finish('removed');
    else {
      this.state.fatalError = { code: error.code, message: error.message };
      this.#finish('failed');
    }
  }

  /** Ends this participant's session for good: ended, removed, left or failed. */
  #finish(reason) {
    const s = this.state;
    if (reason === 'ended') s.lessonEnded = true;
    if (reason === 'removed') s.removed = true;
    if (reason === 'left') s.left = true;
    if (this.#finished) return;
    this.#finished = true;
    clearTimeout(this.#reconnectTimer);
    clearTimeout(this.#iceRestartTimer);
    this.publisher.stop({ notifyServer: false });
    this.media.close();
    this.signalling.close();
    s.joined = false;
    s.floor = false;
    this.#changed();
  }

  #notice(notice) {
    if (notice.kind === 'error') this.state.lastError = { code: notice.code, message: notice.message ?? null, at: Date.now() };
    for (const listener of this.#noticeListeners) listener(notice);
  }

  /** Coalesces change notifications: one render per burst of messages. */
  #changed() {
    if (this.#changeQueued) return;
    this.#changeQueued = true;
    queueMicrotask(() => {
      this.#changeQueued = false;
      this.#refreshDerivedState();
      for (const listener of this.#changeListeners) listener(this.state);
    });
  }

  #refreshDerivedState() {
    const s = this.state;
    s.local.camera = this.publisher.cameraOn;
    s.local.microphone = this.publisher.microphoneOn;
    s.local.screen = this.publisher.sharingScreen;
    if ((s.local.camera && s.local.microphone) || !this.#canPublish()) s.mediaError = null;
    this.link.refresh();
    const pc = this.media.pc;
    s.connectionDetail.peer = pc?.connectionState ?? null;
    s.connection = overallConnection({
      finished: this.#finished,
      joined: s.joined,
      everJoined: this.#everJoined,
      joinFailed: this.#joinFailed,
      hasTransceivers: Boolean(pc && pc.getTransceivers().length > 0),
      peer: s.connectionDetail.peer,
      serverMedia: s.connectionDetail.media,
      peerEverConnected: this.#peerEverConnected,
      mediaGaveUp: this.#mediaGaveUp,
    });
  }
}
