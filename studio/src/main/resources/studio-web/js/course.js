// A published course (docs/studio.md, "Course page"): modules and lessons from the course manifest, and a player
// (hls.js; Safari plays HLS natively) that switches quality (720p, 360p, audio only), subtitles (kk, ru WebVTT tracks
// of the master playlist) and sound (the lesson or its audio description), with chapters to jump to.
import './studio-i18n.js';
import { initLanguage, mountLanguageSwitch, onLanguageChange, t, currentLanguage, translateTree } from '/js/i18n.js';
import { $, h } from '/js/dom.js';
import { readParams } from '/js/url.js';
import { apiGet, localized, durationText, errorMessage } from './studio-common.js';

const params = readParams();
initLanguage(params.get('lang'));
mountLanguageSwitch($('#lang-switch'));

const state = { course: null, base: '', lesson: null, quality: 'auto', subtitles: 'off', audio: 'main', error: null };
let hls = null;

window.sabaqCourse = {
  state,
  play: (lessonId) => play(lessonId),
  setQuality: (q) => setQuality(q),
  setSubtitles: (lang) => setSubtitles(lang),
  setAudio: (which) => setAudio(which),
  player: () => $('#player'),
  hls: () => hls,
};

onLanguageChange(() => {
  translateTree(document);
  render();
});
translateTree(document);
$('#quality-select').addEventListener('change', (e) => setQuality(e.target.value));
$('#subtitles-select').addEventListener('change', (e) => setSubtitles(e.target.value));
$('#audio-select').addEventListener('change', (e) => setAudio(e.target.value));
load();

async function load() {
  const id = params.get('id');
  const answer = await apiGet(`/api/catalog/${encodeURIComponent(id ?? '')}`);
  if (answer.apiError) {
    state.error = answer.apiError;
  } else {
    state.course = answer.manifest;
    state.base = answer.base;
  }
  render();
  const first = state.course?.modules?.[0]?.lessons?.[0];
  if (first) play(params.get('lesson') ?? first.id);
}

function lessons() {
  return (state.course?.modules ?? []).flatMap((m) => m.lessons);
}

function render() {
  const error = $('#course-error');
  error.hidden = !state.error;
  error.textContent = state.error ? errorMessage(state.error) : '';
  if (!state.course) return;
  $('#course-title').textContent = localized(state.course.title);
  document.title = `${localized(state.course.title)} · Sabaq`;
  $('#course-description').textContent = localized(state.course.description);
  $('#modules').replaceChildren(...state.course.modules.map((m) => h('section', { className: 'course-module' },
    h('h2', {}, localized(m.title)),
    h('ol', { className: 'plain-list' }, ...m.lessons.map((l) => h('li', { className: 'recording-item', 'data-lesson-id': l.id },
      h('strong', {}, localized(l.title)),
      h('p', { className: 'recording-meta' }, [durationText(l.durationSeconds),
        l.signLanguage ? t('course.signLanguage') : '', l.audioDescription ? t('course.audioDescription') : '']
        .filter(Boolean).join(' · ')),
      h('button', { type: 'button', className: 'button primary', onclick: () => play(l.id) }, t('course.play'))))))));
  renderPlayer();
}

function renderPlayer() {
  const l = state.lesson;
  if (!l) return;
  $('#player-title').textContent = localized(l.title);
  const subs = $('#subtitles-select');
  subs.replaceChildren(h('option', { value: 'off' }, t('course.subtitlesOff')),
    ...l.subtitles.map((s) => h('option', { value: s.language }, t(`course.lang.${s.language}`))));
  subs.value = state.subtitles;
  const audio = $('#audio-select');
  audio.replaceChildren(h('option', { value: 'main' }, t('course.audioMain')),
    ...(l.audioDescription ? [h('option', { value: 'described' }, t('course.audioDescription'))] : []));
  audio.value = state.audio;
  const lang = currentLanguage() === 'ru' ? 'ru' : 'kk';
  $('#chapters').replaceChildren(...(l.chapters ?? []).map((c) => h('li', {},
    h('button', { type: 'button', className: 'link-button', onclick: () => seek(c.start) },
      `${durationText(c.start)} ${c.title?.[lang] || c.title?.kk || ''}`))));
}

function play(lessonId) {
  const l = lessons().find((x) => x.id === lessonId);
  if (!l) return false;
  state.lesson = l;
  state.quality = 'auto';
  state.subtitles = 'off';
  state.audio = 'main';
  $('#quality-select').value = 'auto';
  $('#player-section').hidden = false;
  const video = $('#player');
  video.poster = l.poster ? state.base + l.poster : '';
  renderPlayer();
  attach(state.base + l.master, 0);
  return true;
}

function seek(seconds) {
  const video = $('#player');
  video.currentTime = seconds;
  video.play().catch(() => {});
}

/** Loads a playlist into the video element, resuming at {@code at} seconds. */
function attach(url, at) {
  const video = $('#player');
  if (hls) {
    hls.destroy();
    hls = null;
  }
  const ready = () => {
    if (at > 0) video.currentTime = at;
    applyLevel();
    applyAudio();
    applySubtitles();
  };
  if (window.Hls && window.Hls.isSupported()) {
    hls = new window.Hls({ enableWorker: false, xhrSetup: (xhr) => { xhr.withCredentials = true; } });
    hls.on(window.Hls.Events.MANIFEST_PARSED, ready);
    hls.on(window.Hls.Events.SUBTITLE_TRACKS_UPDATED, applySubtitles);
    hls.loadSource(url);
    hls.attachMedia(video);
  } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = url;
    video.addEventListener('loadedmetadata', ready, { once: true });
  }
}

function applyLevel() {
  if (!hls || state.quality === 'audio') return;
  if (state.quality === 'auto') {
    hls.currentLevel = -1;
    return;
  }
  const height = state.quality === '720p' ? 720 : 360;
  const index = hls.levels.findIndex((l) => l.height === height);
  if (index >= 0) hls.currentLevel = index;
}

function applyAudio() {
  if (!hls) return;
  const described = state.audio === 'described';
  const index = hls.audioTracks.findIndex((a) => (a.characteristics ?? '').includes('describes-video') === described);
  if (index >= 0 && hls.audioTrack !== index) hls.audioTrack = index;
}

function applySubtitles() {
  const video = $('#player');
  if (hls) {
    const index = state.subtitles === 'off' ? -1 : hls.subtitleTracks.findIndex((s) => s.lang === state.subtitles);
    hls.subtitleDisplay = index >= 0;
    hls.subtitleTrack = index;
  }
  for (const track of Array.from(video.textTracks)) {
    if (track.kind !== 'subtitles' && track.kind !== 'captions') continue;
    track.mode = state.subtitles !== 'off' && track.language === state.subtitles ? 'showing' : 'disabled';
  }
}

/** auto, 720p, 360p or audio (the audio-only rendition for a slow line). */
function setQuality(quality) {
  if (!state.lesson || !['auto', '720p', '360p', 'audio'].includes(quality)) return false;
  const video = $('#player');
  const wasAudio = state.quality === 'audio';
  state.quality = quality;
  $('#quality-select').value = quality;
  const at = video.currentTime || 0;
  const playing = !video.paused;
  if (quality === 'audio') attach(`${state.base}${state.lesson.master.replace(/master\.m3u8$/, '')}audio/index.m3u8`, at);
  else if (wasAudio) attach(state.base + state.lesson.master, at);
  else applyLevel();
  if (playing) video.play().catch(() => {});
  return true;
}

/** off, kk or ru. */
function setSubtitles(lang) {
  if (!state.lesson) return false;
  if (lang !== 'off' && !state.lesson.subtitles.some((s) => s.language === lang)) return false;
  state.subtitles = lang;
  $('#subtitles-select').value = lang;
  applySubtitles();
  return true;
}

/** main or described (the audio description rendition). */
function setAudio(which) {
  if (!state.lesson || (which === 'described' && !state.lesson.audioDescription)) return false;
  state.audio = which;
  $('#audio-select').value = which;
  applyAudio();
  return true;
}
