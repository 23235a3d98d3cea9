// The stage: which videos to show and how big (screen share first, then the teacher's camera, then students with
// the floor), rendered as keyed tiles so that playing <video> elements survive re-renders; in audio-only mode a
// panel (teacher, who speaks, screen share) instead of remote video; plus remote audio sinks.
import { h, icon } from './dom.js';
import { icons } from './icons.js';
import { t } from './i18n.js';
import { audioOnlyPanel } from './receive-mode.js';

/**
 * The tiles to show, most important first (the first one is shown large). In audio-only mode only one's own.
 * @param state the session state
 * @param media {remoteTrack(trackId), localCamera, localScreen, localCameraPublished, localMicrophoneOn}
 */
export function stageTiles(state, media) {
  const tiles = [];
  for (const track of state.tracks) {
    if (state.audioOnly || track.kind !== 'video' || track.participantId === state.participantId) continue;
    tiles.push({ participantId: track.participantId, source: track.source, trackId: track.trackId, track: media.remoteTrack(track.trackId), local: false });
  }
  const self = state.participantId;
  if (media.localScreen) tiles.push({ participantId: self, source: 'screen', trackId: null, track: media.localScreen, local: true });
  if (media.localCamera || media.localCameraPublished) {
    tiles.push({ participantId: self, source: 'camera', trackId: null, track: media.localCamera, local: true });
  }
  for (const tile of tiles) {
    const participant = state.participants.find((p) => p.id === tile.participantId);
    tile.key = `${tile.participantId}:${tile.source}`;
    tile.name = participant?.name ?? '';
    tile.rank = rankOf(tile.source, participant);
    tile.cameraOff = tile.source === 'camera' && (tile.local ? !media.localCamera : participant?.camera === false);
    tile.micOff = tile.local ? !media.localMicrophoneOn : participant?.microphone === false || participant?.muted === true;
    tile.speaking = state.activeSpeaker === tile.participantId;
  }
  return tiles.sort((a, b) => a.rank - b.rank);
}

function rankOf(source, participant) {
  if (source === 'screen') return participant?.role === 'teacher' ? 0 : 1;
  if (participant?.role === 'teacher') return 2;
  if (participant?.hasFloor) return 3;
  return 4;
}

/**
 * Renders tiles: the first into main, the rest into side; emptyText is shown when there is no video at all. With a
 * panel (an element with data-key), the panel fills main and every tile goes to the side.
 */
export function renderStage(main, side, tiles, emptyText, panel = null) {
  const existing = new Map();
  for (const element of [...main.children, ...side.children]) existing.set(element.dataset.key, element);
  if (panel) {
    existing.delete(panel.dataset.key);
    place(main, panel, 0);
  } else if (tiles.length === 0) {
    let empty = existing.get('empty');
    existing.delete('empty');
    if (!empty) empty = h('p', { className: 'stage-empty', 'data-key': 'empty' });
    empty.textContent = emptyText;
    place(main, empty, 0);
  }
  tiles.forEach((tile, index) => {
    let element = existing.get(tile.key);
    existing.delete(tile.key);
    if (!element) element = createTile(tile.key);
    updateTile(element, tile);
    if (panel) place(side, element, index);
    else if (index === 0) place(main, element, 0);
    else place(side, element, index - 1);
  });
  for (const element of existing.values()) {
    const video = element.querySelector('video');
    if (video) video.srcObject = null;
    element.remove();
  }
  side.hidden = side.children.length === 0;
}

function createTile(key) {
  const video = h('video', { autoplay: true, muted: true, playsInline: true });
  video.setAttribute('playsinline', '');
  video.setAttribute('muted', '');
  const tile = h(
    'figure',
    { className: 'tile', 'data-key': key },
    video,
    h('div', { className: 'tile-off' }),
    h('figcaption', {}, h('span', { className: 'tile-mic' }), h('span', { className: 'tile-name' })),
  );
  const framesArrived = () => {
    if (video.videoWidth === 0 || tile.dataset.frames === 'true') return;
    tile.dataset.frames = 'true';
    refreshCover(tile);
  };
  video.addEventListener('loadeddata', framesArrived);
  video.addEventListener('resize', framesArrived);
  return tile;
}

/** The cover over a tile: "camera is off", or "connecting" until the first frame is shown. */
function refreshCover(tile) {
  const off = tile.querySelector('.tile-off');
  const cameraOff = tile.dataset.cameraOff === 'true';
  off.hidden = !cameraOff && tile.dataset.frames === 'true';
  off.textContent = cameraOff ? t('stage.cameraOff') : t('stage.connecting');
}

function updateTile(element, tile) {
  element.dataset.participantId = tile.participantId;
  element.dataset.source = tile.source;
  if (tile.trackId) element.dataset.trackId = tile.trackId;
  element.classList.toggle('speaking', tile.speaking);
  element.classList.toggle('mirror', tile.local && tile.source === 'camera');
  const video = element.querySelector('video');
  const shown = video.srcObject?.getVideoTracks()[0] ?? null;
  if (tile.track && shown !== tile.track) {
    element.dataset.frames = 'false';
    video.srcObject = new MediaStream([tile.track]);
    video.play().catch(() => {});
  } else if (!tile.track && video.srcObject) {
    element.dataset.frames = 'false';
    video.srcObject = null;
  }
  element.dataset.cameraOff = String(tile.cameraOff);
  refreshCover(element);
  const name = tile.local ? `${tile.name} ${t('participant.you')}` : tile.name;
  element.querySelector('.tile-name').textContent = tile.source === 'screen' ? t('stage.screenOf', { name }) : name;
  const mic = element.querySelector('.tile-mic');
  const showMic = tile.source === 'camera' && tile.micOff;
  if (mic.dataset.off !== String(showMic)) {
    mic.dataset.off = String(showMic);
    mic.replaceChildren(showMic ? icon(icons.micOff) : '');
  }
  mic.title = showMic ? t('participant.micOff') : '';
}

/** Moves element to position index of container only when it is not already there (moving pauses video). */
function place(container, element, index) {
  if (container.children[index] === element) return;
  container.insertBefore(element, container.children[index] ?? null);
  const video = element.querySelector('video');
  if (video?.srcObject && video.paused) video.play().catch(() => {});
}

/** The audio-only panel (for renderStage), filled by renderAudioOnlyPanel. */
export function createAudioOnlyPanel() {
  return h(
    'section',
    { id: 'audio-only-panel', className: 'audio-only-panel', 'data-key': 'audio-only', 'aria-labelledby': 'audio-only-title' },
    h('span', { className: 'audio-only-icon' }, icon(icons.audioOnly)),
    h('h2', { id: 'audio-only-title' }),
    h('p', { className: 'audio-only-teacher' }),
    h('p', { className: 'audio-only-speaker' }),
    h('p', { className: 'audio-only-screen', role: 'status' }),
    h('p', { className: 'audio-only-hint' }),
  );
}

/** Fills the audio-only panel: the teacher, who speaks now and who shares a screen (text only, no video). */
export function renderAudioOnlyPanel(panel, state) {
  const view = audioOnlyPanel(state);
  panel.querySelector('h2').textContent = t('audio.title');
  panel.querySelector('.audio-only-hint').textContent = t('audio.hint');
  const set = (selector, text, active) => {
    const line = panel.querySelector(selector);
    if (line.textContent !== text) line.textContent = text;
    line.classList.toggle('active', active);
  };
  set('.audio-only-teacher', view.teacherName === null ? t('stage.waitingTeacher') : t('audio.teacher', { name: view.teacherName }), false);
  const speaker = view.speaker;
  set('.audio-only-speaker', speaker === null ? t('audio.silence') : speaker.self ? t('audio.speakingYou') : t('audio.speaking', { name: speaker.name }), speaker !== null);
  const screen = view.screen;
  let screenText = t('audio.noSharing');
  if (screen?.self) screenText = t('audio.youSharing');
  else if (screen?.teacher) screenText = t('audio.teacherSharing');
  else if (screen) screenText = t('audio.otherSharing', { name: screen.name });
  set('.audio-only-screen', screenText, screen !== null);
  panel.dataset.sharing = String(screen !== null);
}

/**
 * Keeps one <audio> element per received audio track. onBlocked() is called when the browser refuses to start
 * playback without a user gesture (autoplay policy).
 */
export function renderAudio(container, entries, onBlocked) {
  const existing = new Map([...container.children].map((element) => [element.dataset.trackId, element]));
  for (const { trackId, track } of entries) {
    let audio = existing.get(trackId);
    existing.delete(trackId);
    if (!audio) {
      audio = h('audio', { autoplay: true, 'data-track-id': trackId });
      container.append(audio);
    }
    if (audio.srcObject?.getAudioTracks()[0] !== track) {
      audio.srcObject = new MediaStream([track]);
      audio.muted = false;
      audio.play().catch((error) => {
        if (error.name === 'NotAllowedError') onBlocked();
      });
    }
  }
  for (const audio of existing.values()) {
    audio.srcObject = null;
    audio.remove();
  }
}

/** After a user gesture: starts every audio element; resolves true when all play. */
export async function unlockAudio(container) {
  const results = await Promise.allSettled([...container.querySelectorAll('audio')].map((audio) => audio.play()));
  return results.every((result) => result.status === 'fulfilled');
}
