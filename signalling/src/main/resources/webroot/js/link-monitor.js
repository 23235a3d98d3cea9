// The weak-line side of a lesson session: keeps the connection-quality reports in the state (per participant, one's
// own, the teachers' weak flags), and carries out the user's audio-only choice (receive-mode.js) over the signalling
// socket: sent on a change and after every join, confirmed by the server's participant-updated, remembered per lesson.
import { normalizeQuality, nextWeakFlag } from './link-quality.js';
import {
  initialReceiveMode, receiveModeStep, choiceConfirmed, videoPausedByServer, readAudioOnly, storeAudioOnly,
} from './receive-mode.js';

/** How long setAudioOnly waits for the server's participant-updated before it gives up. */
const CONFIRM_TIMEOUT_MS = 10_000;

export class LinkMonitor {
  #state;
  #signalling;
  #onChange;
  #onError;
  #mode;
  /** setAudioOnly calls waiting for the server: {audioOnly, resolve}. */
  #waiters = new Set();

  /**
   * @param state the session state (audioOnly, videoPaused, quality, ownQuality, weakLinks are written here)
   * @param signalling the SignallingClient (send)
   * @param callbacks onChange() after a change outside a server message; onError(error) when receive-mode is refused
   */
  constructor(state, signalling, { onChange, onError }) {
    this.#state = state;
    this.#signalling = signalling;
    this.#onChange = onChange;
    this.#onError = onError;
    this.#mode = initialReceiveMode(readAudioOnly(state.lessonId));
    state.audioOnly = this.#mode.chosen;
  }

  /** The user's choice: applies at once, is remembered, and is sent when joined. See LessonSession.setAudioOnly. */
  setAudioOnly(on) {
    const audioOnly = Boolean(on);
    const send = this.#step({ type: 'choose', audioOnly });
    storeAudioOnly(this.#state.lessonId, audioOnly);
    this.#onChange();
    if (!this.#mode.connected) return Promise.resolve(false);
    if (choiceConfirmed(this.#mode)) return Promise.resolve(true);
    const confirmed = new Promise((resolve) => {
      const waiter = { audioOnly, resolve: null };
      const timer = setTimeout(() => waiter.resolve(false), CONFIRM_TIMEOUT_MS);
      waiter.resolve = (result) => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
        resolve(result);
      };
      this.#waiters.add(waiter);
    });
    if (send) this.#send(send);
    return confirmed;
  }

  /** Joined (again): a new participant on the server, whose audioOnly is self.audioOnly; old reports are void. */
  joined(self) {
    this.#clearQuality();
    const send = this.#step({ type: 'joined', audioOnly: Boolean(self?.audioOnly) });
    if (send) this.#send(send);
  }

  /** The socket closed or the session finished. */
  closed() {
    this.#step({ type: 'closed' });
    this.#clearQuality();
  }

  /** participant-updated about oneself. */
  selfUpdated(self) {
    if (typeof self.audioOnly === 'boolean') this.#step({ type: 'confirmed', audioOnly: self.audioOnly });
  }

  participantLeft(participantId) {
    delete this.#state.quality[participantId];
    delete this.#state.weakLinks[participantId];
  }

  /** A connection-quality message: kept per participant; one's own also tells whether video arrives. */
  onQuality(message) {
    const s = this.#state;
    const quality = normalizeQuality(message.quality);
    const id = message.participantId;
    if (typeof id !== 'string' || !quality || !s.participants.some((p) => p.id === id)) return;
    s.quality[id] = quality;
    s.weakLinks[id] = nextWeakFlag(s.weakLinks[id], quality);
    if (id !== s.participantId) return;
    s.ownQuality = quality;
    this.#step({ type: 'quality', receivingVideo: quality.receivingVideo });
  }

  /** Updates state.videoPaused (video paused by the server although the user wants video). */
  refresh() {
    const s = this.#state;
    const remoteVideo = s.tracks.some((track) => track.kind === 'video' && track.participantId !== s.participantId);
    s.videoPaused = videoPausedByServer(this.#mode, remoteVideo);
  }

  #clearQuality() {
    const s = this.#state;
    s.quality = {};
    s.weakLinks = {};
    s.ownQuality = null;
  }

  /** Applies an event to the receive mode; settles waiting setAudioOnly calls; returns the message to send or null. */
  #step(event) {
    const { mode, send } = receiveModeStep(this.#mode, event);
    this.#mode = mode;
    this.#state.audioOnly = mode.chosen;
    for (const waiter of [...this.#waiters]) {
      if (!mode.connected || mode.chosen !== waiter.audioOnly) waiter.resolve(false);
      else if (choiceConfirmed(mode)) waiter.resolve(true);
    }
    return send;
  }

  #send(message) {
    this.#signalling.send(message).catch((error) => {
      // A lost socket leads to a rejoin, which sends the choice again.
      if (error.code === 'NETWORK' || !this.#mode.connected) return;
      this.#step({ type: 'refused' });
      storeAudioOnly(this.#state.lessonId, this.#state.audioOnly);
      this.#onError(error);
      this.#onChange();
    });
  }
}
