// The lesson page: reads the join token from the URL fragment, asks students and observers for their name, joins,
// renders the lesson for the participant's role, and exposes window.sabaq for tests (docs/web-client.md).
import { initLanguage, mountLanguageSwitch, onLanguageChange, t, errorText } from './i18n.js';
import { $, copyText, icon } from './dom.js';
import { icons } from './icons.js';
import { readParams, tokenClaims, lessonLink, webSocketUrl } from './url.js';
import { LessonSession } from './lesson-session.js';
import { stageTiles, renderStage, renderAudio, unlockAudio, createAudioOnlyPanel, renderAudioOnlyPanel } from './ui-stage.js';
import { renderParticipants } from './ui-participants.js';
import { renderChat } from './ui-chat.js';
import { renderConnectionBadge, renderQuality, renderControls, renderNotice, renderOverlay, showToast, confirmAction } from './ui.js';

const NAME_MAX = 100;
const NAME_STORAGE_KEY = 'sabaq.displayName';
const ROLES = ['teacher', 'student', 'observer'];

const params = readParams();
initLanguage(params.get('lang'));
mountLanguageSwitch($('#lang-switch'));

let session = null;
let joinError = null;
let soundBlocked = false;
const audioOnlyPanel = createAudioOnlyPanel();

boot();

async function boot() {
  const token = params.get('token');
  const claims = tokenClaims(token);
  if (!token) return showFatal('NO_TOKEN');
  if (!claims || !ROLES.includes(claims.role)) return showFatal('TOKEN_INVALID');
  if (typeof RTCPeerConnection === 'undefined' || typeof WebSocket === 'undefined') return showFatal('UNSUPPORTED');

  const lesson = await fetchLesson(claims.lsn);
  if (lesson === 'not-found') return showFatal('LESSON_NOT_FOUND');
  session = new LessonSession({ token, claims, lesson, wsUrl: webSocketUrl(), fakeScreen: params.get('fakeScreen') === '1' });
  session.state.recordingsUrl = `recordings.html#token=${encodeURIComponent(token)}`;
  exposeHooks(session);
  wireLessonView(session);
  session.onChange(render);
  session.onNotice(showNotice);
  onLanguageChange(() => {
    render();
    renderJoinView();
  });

  if (lesson?.state === 'ended') return session.markEnded();
  if (claims.role === 'teacher') return join(lesson?.teacherName || t('role.teacher'));
  const name = params.get('name') ?? readStoredName();
  $('#join-name').value = name;
  if (params.has('name') && validName(name)) return join(name.trim());
  showJoinView();
}

/** GET /api/lessons/{id}: the lesson's title, teacher and state; null when unavailable (the join will tell). */
async function fetchLesson(lessonId) {
  if (!lessonId) return null;
  try {
    const response = await fetch(`api/lessons/${encodeURIComponent(lessonId)}`, { headers: { Accept: 'application/json' } });
    if (response.status === 404) return 'not-found';
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

async function join(name) {
  showView('loading-view');
  try {
    await session.join(name);
    if (session.state.role !== 'teacher') storeName(name);
    if (session.state.role === 'teacher' && params.get('record') === '1') session.record();
    joinError = null;
    showView('lesson-view');
    render();
  } catch (error) {
    render();
    if (session.state.lessonEnded || session.state.removed || session.state.fatalError) return;
    joinError = error.code ?? 'UNKNOWN';
    showJoinView();
  }
}

function showJoinView() {
  showView('join-view');
  renderJoinView();
  $('#join-name').focus();
}

function renderJoinView() {
  if (!session) return;
  const s = session.state;
  $('#join-lesson').textContent = s.title;
  $('#join-role').textContent = s.role === 'observer' ? t('join.asObserver') : s.role === 'teacher' ? t('join.asTeacher') : t('join.asStudent');
  $('#join-name').closest('.field').hidden = s.role === 'teacher';
  const errorBox = $('#join-error');
  errorBox.hidden = !joinError;
  if (joinError) errorBox.textContent = joinError.startsWith('form.') ? t(joinError, { max: NAME_MAX }) : errorText(joinError);
}

function validName(name) {
  const trimmed = (name ?? '').trim();
  return trimmed.length > 0 && trimmed.length <= NAME_MAX && !/[\u0000-\u001f\u007f]/.test(trimmed);
}

function wireLessonView(current) {
  $('#join-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const name = $('#join-name').value.trim();
    if (current.state.role === 'teacher') return join(current.state.teacherName || t('role.teacher'));
    if (!validName(name)) {
      joinError = name.length === 0 ? 'form.required' : name.length > NAME_MAX ? 'form.tooLong' : 'form.invalidChars';
      renderJoinView();
      $('#join-name').focus();
      return;
    }
    join(name);
  });

  $('#btn-mic').addEventListener('click', () => current.setMicrophone(!current.state.local.microphone));
  $('#btn-cam').addEventListener('click', () => current.setCamera(!current.state.local.camera));
  $('#btn-screen').addEventListener('click', () => (current.state.local.screen ? current.stopScreenShare() : current.startScreenShare()));
  $('#btn-hand').addEventListener('click', () => current.raiseHand(!current.state.handRaised));
  $('#btn-audio-only').addEventListener('click', () => current.setAudioOnly(!current.state.audioOnly));
  $('#btn-leave').addEventListener('click', () => current.leave());
  $('#btn-record').addEventListener('click', () => current.record());
  $('#btn-end').addEventListener('click', async () => {
    if (await confirmAction(t('controls.endConfirm'), t('controls.end'))) current.endLesson();
  });

  $('#chat-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = $('#chat-input');
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    if (!(await current.sendChat(text)) && input.value === '') input.value = text;
  });

  $('#sound-button').addEventListener('click', async () => {
    soundBlocked = !(await unlockAudio($('#audio-sinks')));
    render();
  });

  for (const button of document.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', async () => {
      const input = document.getElementById(button.dataset.copy);
      const ok = await copyText(input.value, input);
      $('#invite-panel .copy-status').textContent = ok ? t('common.copied') : t('common.copyFailed');
    });
  }
  $('#chat-send').append(icon(icons.send));
  fillInvitations();
}

function fillInvitations() {
  const student = params.get('student');
  const observer = params.get('observer');
  $('#invite-student').value = student ? lessonLink(student) : '';
  $('#invite-observer').value = observer ? lessonLink(observer) : '';
  $('#invite-observer-block').hidden = !observer;
  $('#invite-panel').dataset.available = String(Boolean(student));
}

async function onParticipantAction(action, participant) {
  if (action === 'floor') session.grantFloor(participant.id, !participant.hasFloor);
  else if (action === 'mute') session.mute(participant.id);
  else if (action === 'remove' && (await confirmAction(t('participant.removeConfirm', { name: participant.name }), t('participant.removeShort')))) {
    session.remove(participant.id);
  }
}

function render() {
  if (!session) return;
  const s = session.state;
  const media = session.media;
  const publisher = session.publisher;
  document.title = s.title ? `${s.title} · Sabaq` : 'Sabaq';
  $('#lesson-title').textContent = s.title;
  const roleBadge = $('#role-badge');
  roleBadge.hidden = !s.role;
  if (s.role) roleBadge.textContent = t(`role.${s.role}`);
  renderConnectionBadge($('#connection-badge'), s);
  renderQuality($('#quality-indicator'), s.ownQuality, { audioOnly: s.audioOnly });

  const over = s.lessonEnded || s.removed || s.left || Boolean(s.fatalError);
  const tiles = over ? [] : stageTiles(s, {
    remoteTrack: (trackId) => media.remoteTrack(trackId),
    localCamera: publisher.cameraTrack,
    localScreen: publisher.screenTrack,
    localCameraPublished: media.isPublishing('camera'),
    localMicrophoneOn: s.local.microphone,
  });
  const teacherPresent = s.participants.some((p) => p.role === 'teacher');
  const emptyText = over ? '' : teacherPresent ? t('stage.waitingVideo') : t('stage.waitingTeacher');
  const panel = s.audioOnly && !over ? audioOnlyPanel : null;
  if (panel) renderAudioOnlyPanel(panel, s);
  renderStage($('#stage-main'), $('#stage-side'), tiles, emptyText, panel);
  const audio = s.tracks
    .filter((track) => track.kind === 'audio' && track.participantId !== s.participantId)
    .map((track) => ({ trackId: track.trackId, track: media.remoteTrack(track.trackId) }))
    .filter((entry) => entry.track);
  renderAudio($('#audio-sinks'), audio, () => {
    soundBlocked = true;
    renderSoundButton();
  });
  renderSoundButton();

  renderControls(s, publisher.sharingScreen);
  renderNotice($('#notice-bar'), s);
  $('#participants-heading').textContent = t('participants.heading', { count: s.participants.length });
  renderParticipants($('#participant-list'), s, onParticipantAction);
  renderChat($('#chat-log'), $('#chat-empty'), s);
  const observer = s.role === 'observer';
  $('#chat-form').hidden = observer;
  $('#chat-observer-note').hidden = !observer;
  $('#chat-input').disabled = !s.joined;
  $('#invite-panel').hidden = !(s.role === 'teacher' && $('#invite-panel').dataset.available === 'true');
  renderOverlay($('#overlay'), s, { onRejoin: () => location.reload() });
}

function renderSoundButton() {
  const button = $('#sound-button');
  button.hidden = !soundBlocked || !session?.state.joined;
  if (!button.hidden) button.replaceChildren(icon(icons.sound), t('sound.enable'));
}

function showNotice(notice) {
  const text = notice.key ? t(notice.key, notice.params) : errorText(notice.code, notice.message);
  showToast($('#toasts'), text, notice.kind);
}

function showView(id) {
  for (const view of ['loading-view', 'join-view', 'lesson-view']) $(`#${view}`).hidden = view !== id;
}

/** A page that cannot join at all (no token, unreadable token, unknown lesson, old browser). */
function showFatal(code) {
  showView('loading-view');
  $('#loading-view').hidden = true;
  const state = { joined: false, fatalError: { code, message: null }, removed: false, lessonEnded: false, left: false, role: null, connection: 'disconnected' };
  window.sabaq = { state };
  const draw = () => {
    renderOverlay($('#overlay'), state, { onRejoin: () => location.reload() });
    renderConnectionBadge($('#connection-badge'), state);
  };
  onLanguageChange(draw);
  draw();
}

/** Test hooks (docs/web-client.md): the same functions the buttons use. */
function exposeHooks(current) {
  window.sabaq = {
    state: current.state,
    client: current,
    pc: () => current.media.pc,
    inboundVideoStats: () => current.media.inboundStats('video'),
    inboundAudioStats: () => current.media.inboundStats('audio'),
    selectedCandidatePair: () => current.media.selectedCandidatePair(),
    subscriptions: () => current.media.subscriptions(),
    lastOffer: () => current.media.lastOffer,
    sendChat: (text) => current.sendChat(text),
    raiseHand: (raised = true) => current.raiseHand(raised),
    grantFloor: (participantId, granted = true) => current.grantFloor(participantId, granted),
    mute: (participantId) => current.mute(participantId),
    unmute: () => current.setMicrophone(true),
    remove: (participantId) => current.remove(participantId),
    endLesson: () => current.endLesson(),
    record: () => current.record(),
    startScreenShare: () => current.startScreenShare(),
    stopScreenShare: () => current.stopScreenShare(),
    setMicrophone: (on) => current.setMicrophone(on),
    setCamera: (on) => current.setCamera(on),
    setAudioOnly: (on = true) => current.setAudioOnly(on),
    leave: () => current.leave(),
  };
}

function readStoredName() {
  try {
    return localStorage.getItem(NAME_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

function storeName(name) {
  try {
    localStorage.setItem(NAME_STORAGE_KEY, name);
  } catch {
    // Not remembered when storage is unavailable.
  }
}
