// The operations page: live machine, JVM, media and lesson figures and the active alerts, from /api/ops/* JSON
// (docs/operations.md). Polls at the server's sample interval; renders again when the language changes.
import { initLanguage, mountLanguageSwitch, onLanguageChange, t, currentLanguage, formatTime } from './i18n.js';
import { $, h } from './dom.js';
import { readParams } from './url.js';
import { percent, bytes, bitrate, count, duration, sparkline } from './ops-format.js';

const MIN_POLL_MS = 2000;
const MAX_POLL_MS = 15000;
const state = { system: null, lessons: null, alerts: null, problem: null, updatedAt: null, polls: 0 };
window.sabaq = { ops: state };

initLanguage(readParams().get('lang'));
mountLanguageSwitch($('#lang-switch'));
onLanguageChange(render);
poll();

async function fetchJson(path) {
  const response = await fetch(path, { cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const error = new Error(`HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

async function poll() {
  try {
    const [system, lessons, alerts] = await Promise.all(['api/ops/system', 'api/ops/lessons', 'api/ops/alerts'].map(fetchJson));
    Object.assign(state, { system, lessons, alerts, problem: null, updatedAt: Date.now() });
  } catch (error) {
    state.problem = error.status === 401 ? 'ops.signIn' : error.status === 403 ? 'ops.forbidden'
      : error.status === 503 ? 'ops.waiting' : 'ops.unavailable';
  }
  state.polls++;
  render();
  const interval = state.system?.sampleIntervalMillis ?? 5000;
  setTimeout(poll, Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, interval)));
}

function render() {
  const problem = $('#ops-problem');
  problem.hidden = !state.problem;
  problem.textContent = state.problem ? t(state.problem) : '';
  $('#ops-updated').textContent = state.updatedAt ? t('ops.updated', { time: formatTime(state.updatedAt) }) : '';
  if (state.alerts) renderAlerts(state.alerts);
  if (state.system) renderSystem(state.system);
  if (state.lessons) renderLessons(state.lessons);
}

function figures(target, rows) {
  target.replaceChildren(...rows.flatMap(([label, value, id]) => [h('dt', {}, label), h('dd', { 'data-figure': id }, value)]));
}

function renderAlerts(alerts) {
  const lang = currentLanguage();
  const items = alerts.active.map((a) => h('li', { className: `alert ${a.severity}`, 'data-rule': a.rule, 'data-lesson-id': a.lessonId ?? undefined },
    h('span', { className: 'severity' }, t(`ops.severity.${a.severity}`)),
    h('span', { className: 'alert-title' }, a.title?.[lang] ?? a.title?.en ?? a.rule),
    a.lessonId ? h('span', { className: 'hint' }, t('ops.alertLesson', { id: lessonTitle(a.lessonId) })) : null,
    h('span', { className: 'hint' }, t('ops.alertSince', { time: formatTime(a.since) })),
    h('code', { className: 'hint' }, a.condition)));
  $('#alert-list').replaceChildren(...items);
  $('#no-alerts').hidden = items.length > 0;
  $('#alert-count').textContent = `(${items.length})`;
}

function lessonTitle(id) {
  const lesson = state.lessons?.lessons.find((l) => l.id === id);
  return lesson ? `${lesson.title} (${id})` : id;
}

function renderSystem(s) {
  const lang = currentLanguage();
  const history = s.history;
  figures($('#cpu-figures'), [
    [t('ops.cpuSystem'), percent(s.cpu.system, lang), 'cpu-system'],
    [t('ops.cpuProcess'), percent(s.cpu.process, lang), 'cpu-process'],
    [t('ops.cores'), count(s.cpu.cores, lang), 'cpu-cores'],
    [t('ops.load'), s.cpu.loadAverage == null ? '—' : s.cpu.loadAverage.toFixed(2), 'cpu-load'],
  ]);
  sparkline($('#cpu-spark'), [
    { values: history.cpu, className: 'line-a', label: t('ops.cpuSystem') },
    { values: history.processCpu, className: 'line-b', label: t('ops.cpuProcess') },
  ], 1);
  const used = s.memory.total == null || s.memory.free == null ? null : s.memory.total - s.memory.free;
  figures($('#memory-figures'), [
    [t('ops.memoryUsed'), used == null ? '—' : `${bytes(used, lang)} / ${bytes(s.memory.total, lang)}`, 'memory-used'],
    [t('ops.memoryFree'), bytes(s.memory.free, lang), 'memory-free'],
  ]);
  sparkline($('#memory-spark'), [{ values: history.memory, className: 'line-a', label: t('ops.memoryUsed') }], 1);
  figures($('#jvm-figures'), [
    [t('ops.heap'), `${bytes(s.jvm.heapUsed, lang)} / ${bytes(s.jvm.heapMax, lang)}`, 'jvm-heap'],
    [t('ops.threads'), count(s.jvm.threads, lang), 'jvm-threads'],
    [t('ops.classes'), count(s.jvm.classesLoaded, lang), 'jvm-classes'],
    [t('ops.gc'), `${count(s.jvm.gcCount, lang)} · ${duration(s.jvm.gcMillis, lang)}`, 'jvm-gc'],
    [t('ops.openFiles'), s.process.openFiles == null ? '—' : `${count(s.process.openFiles, lang)} / ${count(s.process.maxFiles, lang)}`, 'open-files'],
    [t('ops.uptime'), duration(s.jvm.uptimeMillis, lang), 'jvm-uptime'],
  ]);
  sparkline($('#heap-spark'), [{ values: history.heap, className: 'line-a', label: t('ops.heap') }], 1);
  figures($('#disk-figures'), s.disks.map((d) => [d.path,
    t('ops.diskFree', { free: bytes(d.free, lang), total: bytes(d.total, lang), percent: percent(d.total ? d.free / d.total : null, lang) }),
    'disk']));
  renderNetwork(s, lang);
  const c = s.media.counters;
  const dropped = Object.entries(c).filter(([name]) => name.startsWith('drop_')).reduce((sum, [, v]) => sum + v, 0);
  figures($('#media-figures'), [
    [t('ops.mediaState'), t(s.media.ready ? 'ops.mediaReady' : 'ops.mediaNotReady'), 'media-ready'],
    [t('ops.participants'), count(s.signalling.participants, lang), 'participants'],
    [t('ops.packetsIn'), count(c.packets_received, lang), 'packets-in'],
    [t('ops.packetsOut'), count(c.packets_sent, lang), 'packets-out'],
    [t('ops.dropped'), count(dropped, lang), 'dropped'],
    [t('ops.dtlsFailures'), count(c.dtls_failures, lang), 'dtls-failures'],
    [t('ops.internalErrors'), count(c.internal_errors, lang), 'internal-errors'],
  ]);
}

function renderNetwork(s, lang) {
  if (!s.network.available) {
    figures($('#network-figures'), [[t('ops.network'), t('ops.networkUnavailable'), 'network-unavailable']]);
    $('#network-spark').replaceChildren();
    return;
  }
  figures($('#network-figures'), s.network.interfaces.map((n) => [n.name,
    t('ops.rates', { rx: bitrate(n.rxBps, lang), tx: bitrate(n.txBps, lang) }), 'interface']));
  sparkline($('#network-spark'), [
    { values: s.history.rxBps, className: 'line-a', label: t('ops.rx') },
    { values: s.history.txBps, className: 'line-b', label: t('ops.tx') },
  ]);
}

function renderLessons(data) {
  const lang = currentLanguage();
  const rows = data.lessons.map((l) => {
    const m = l.media;
    const lossy = m?.loss != null && m.loss > 0.1;
    return h('tr', { 'data-lesson-id': l.id },
      h('th', { scope: 'row' }, h('span', { className: 'lesson-cell' }, l.title), h('span', { className: 'hint' }, ` ${l.id}`)),
      h('td', {}, count(l.participants.teacher, lang)),
      h('td', {}, count(l.participants.student, lang)),
      h('td', {}, count(l.participants.observer, lang)),
      h('td', {}, m ? `${count(m.connectedPeers, lang)} / ${count(m.peers, lang)}` : '—'),
      h('td', { className: lossy ? 'bad' : '' }, percent(m?.loss, lang)),
      h('td', {}, m ? bitrate(m.inboundBitrateBps, lang) : '—'),
      h('td', {}, m?.rttMillis == null ? '—' : duration(m.rttMillis, lang)));
  });
  $('#lesson-table tbody').replaceChildren(...rows);
  $('#no-lessons').hidden = rows.length > 0;
  $('#lesson-table').hidden = rows.length === 0;
  $('#lesson-count').textContent = `(${rows.length})`;
}
