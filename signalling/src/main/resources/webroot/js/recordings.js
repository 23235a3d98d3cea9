// The recordings of one lesson (docs/recording.md): lists them with status and progress (polling while any is being
// recorded or processed) and plays a ready one with hls.js (Safari plays HLS natively), with quality switching from
// 720p down to audio only. The join token in the fragment is the credential (GET /api/lessons/{id}/recordings).
import { initLanguage, mountLanguageSwitch, onLanguageChange, t, errorText, formatDateTime, translateTree } from './i18n.js';
import { $, h } from './dom.js';
import { readParams, tokenClaims } from './url.js';
import { mergeRanges, subtractRanges, playedRanges, newWatchId } from './watched-ranges.js';

const POLL_MS = 3000;
/** How often a playing recording reports what was watched (also on pause, end, quality change and leaving). */
const WATCH_REPORT_MS = 15000;
/** Stretches shorter than this are not worth a report. */
const MIN_REPORT_MS = 500;
const params = readParams();
initLanguage(params.get('lang'));
mountLanguageSwitch($('#lang-switch'));

const state = { lessonId: null, recordings: [], error: null, playing: null, quality: 'auto', source: null, watch: null };
let hls = null;
let pollTimer = null;
let watchTimer = null;

window.sabaqRecordings = {
  state,
  play: (recordingId) => play(recordingId),
  setQuality: (quality) => setQuality(quality),
  reload: () => load(),
  reportWatched: () => reportWatched(),
};

onLanguageChange(() => {
  translateTree(document);
  render();
});
translateTree(document);
boot();

function boot() {
  // A lesson link's token, or (signed in, from "My lessons") the lesson id with the session cookie as credential.
  const token = params.get('token');
  const claims = tokenClaims(token);
  const lessonId = claims?.lsn ?? params.get('lesson');
  if (!lessonId || (token && !claims?.lsn)) {
    state.error = 'NO_TOKEN';
    render();
    return;
  }
  state.lessonId = lessonId;
  $('#quality-select').addEventListener('change', (e) => setQuality(e.target.value));
  const video = $('#player');
  for (const event of ['pause', 'ended']) video.addEventListener(event, () => reportWatched());
  addEventListener('pagehide', () => reportWatched());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') reportWatched();
  });
  load();
}

async function load() {
  clearTimeout(pollTimer);
  try {
    const response = await fetch(`api/lessons/${encodeURIComponent(state.lessonId)}/recordings`, {
      headers: params.get('token')
        ? { Accept: 'application/json', Authorization: `Bearer ${params.get('token')}` }
        : { Accept: 'application/json' },
    });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      state.error = body?.error?.code ?? 'UNKNOWN';
    } else {
      state.error = null;
      state.recordings = (await response.json()).recordings ?? [];
    }
  } catch {
    state.error = 'NETWORK';
  }
  render();
  const busy = state.recordings.some((r) => r.status === 'recording' || r.status === 'processing');
  if (busy || state.error === 'NETWORK') pollTimer = setTimeout(load, POLL_MS);
  if (!state.playing && params.get('play') === '1') {
    const ready = state.recordings.filter((r) => r.status === 'ready');
    if (ready.length > 0) play(ready[ready.length - 1].recordingId);
  }
}

function durationText(seconds) {
  const s = Math.round(seconds || 0);
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${Math.floor(s / 60)}:${ss}`;
}

function render() {
  const error = $('#recordings-error');
  error.hidden = !state.error;
  error.textContent = state.error ? errorText(state.error) : '';
  $('#recordings-empty').hidden = Boolean(state.error) || state.recordings.length > 0;
  const items = state.recordings.map((r) => {
    const meta = [
      t('recordings.teacher', { name: r.teacherName ?? '' }),
      r.startedAt ? formatDateTime(r.startedAt) : '',
      r.status === 'ready' ? t('recordings.duration', { duration: durationText(r.durationSeconds) }) : '',
    ].filter(Boolean).join(' · ');
    const children = [
      h('strong', {}, r.title ?? ''),
      h('p', { className: 'recording-meta' }, meta),
      h('p', { className: 'recording-status', 'data-status': r.status }, t(`recordings.status.${r.status}`, { progress: r.progress ?? 0 })),
    ];
    if (r.status === 'processing') children.push(h('progress', { max: 100, value: r.progress ?? 0 }));
    if (r.error) children.push(h('p', { className: 'form-error' }, t('recordings.problem', { reason: r.error })));
    if (r.status === 'ready') {
      children.push(h('div', { className: 'recording-actions' },
        h('button', { type: 'button', className: 'button primary', onclick: () => play(r.recordingId) }, t('recordings.play'))));
    }
    return h('li', { className: 'recording-item', 'data-recording-id': r.recordingId, 'data-status': r.status }, ...children);
  });
  $('#recordings-list').replaceChildren(...items);
}

function play(recordingId) {
  const r = state.recordings.find((x) => x.recordingId === recordingId && x.status === 'ready');
  if (!r) return false;
  reportWatched();
  state.playing = r;
  state.watch = { recordingId: r.recordingId, watchId: newWatchId(), seq: 0, reported: [], pending: [], retry: null, sending: null };
  clearInterval(watchTimer);
  watchTimer = setInterval(() => reportWatched(), WATCH_REPORT_MS);
  const video = $('#player');
  $('#player-section').hidden = false;
  $('#player-title').textContent = r.title ?? '';
  $('#player-meta').textContent = [t('recordings.teacher', { name: r.teacherName ?? '' }),
    t('recordings.duration', { duration: durationText(r.durationSeconds) })].join(' · ');
  video.poster = `${r.playbackBase}poster.jpg`;
  const download = $('#download-original');
  download.hidden = !r.canDownload;
  if (r.canDownload) download.href = `${r.playbackBase}original.mkv`;
  state.quality = 'auto';
  $('#quality-select').value = 'auto';
  attach(`${r.playbackBase}hls/master.m3u8`, 0);
  return true;
}

/** Loads a playlist into the video element, resuming at {@code at} seconds. */
function attach(url, at) {
  const video = $('#player');
  reportWatched();
  state.source = url;
  if (hls) {
    hls.destroy();
    hls = null;
  }
  const resume = () => {
    if (at > 0) video.currentTime = at;
  };
  if (window.Hls && window.Hls.isSupported()) {
    hls = new window.Hls({ enableWorker: false, capLevelToPlayerSize: false });
    hls.on(window.Hls.Events.MANIFEST_PARSED, () => {
      resume();
      applyLevel();
    });
    hls.loadSource(url);
    hls.attachMedia(video);
  } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = url;
    video.addEventListener('loadedmetadata', resume, { once: true });
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

/** auto, 720p, 360p or audio (the audio-only rendition: 64 kbit/s for a slow line). */
function setQuality(quality) {
  if (!state.playing || !['auto', '720p', '360p', 'audio'].includes(quality)) return false;
  const video = $('#player');
  const wasAudio = state.quality === 'audio';
  state.quality = quality;
  $('#quality-select').value = quality;
  const at = video.currentTime || 0;
  const playing = !video.paused;
  if (quality === 'audio') {
    attach(`${state.playing.playbackBase}hls/audio/index.m3u8`, at);
  } else if (wasAudio) {
    attach(`${state.playing.playbackBase}hls/master.m3u8`, at);
  } else {
    applyLevel();
  }
  if (playing) video.play().catch(() => {});
  return true;
}

/**
 * Sends the stretches played since the last report (POST .../recordings/:id/watched, the join token as credential).
 * The video element forgets its played ranges when the source changes, so they are collected at every call. A report
 * that did not get an answer is sent again unchanged (same sequence number: the server counts it once, even if the
 * first one did arrive) before anything newer.
 */
function reportWatched() {
  const watch = state.watch;
  if (!watch) return Promise.resolve(false);
  const fresh = subtractRanges(playedRanges($('#player')), [...watch.reported, ...watch.pending]);
  watch.pending = mergeRanges([...watch.pending, ...fresh]);
  if (watch.sending) return watch.sending;
  let report = watch.retry;
  if (!report) {
    const total = watch.pending.reduce((sum, [from, to]) => sum + (to - from), 0);
    if (total < MIN_REPORT_MS) return Promise.resolve(false);
    report = { seq: watch.seq++, ranges: watch.pending };
    watch.pending = [];
  }
  const body = { watchId: watch.watchId, seq: report.seq, ranges: report.ranges.map(([fromMs, toMs]) => ({ fromMs, toMs })) };
  const settled = (delivered) => {
    watch.sending = null;
    watch.retry = delivered ? null : report;
    if (delivered) watch.reported = mergeRanges([...watch.reported, ...report.ranges]);
    return delivered;
  };
  watch.sending = fetch(`api/lessons/${encodeURIComponent(state.lessonId)}/recordings/${encodeURIComponent(watch.recordingId)}/watched`, {
    method: 'POST',
    keepalive: true,
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${params.get('token')}`,
      'X-Sabaq-Request': '1',
    },
    body: JSON.stringify(body),
  }).then((response) => settled(response.ok || (response.status >= 400 && response.status < 500 && response.status !== 429)),
    () => settled(false));
  return watch.sending;
}
