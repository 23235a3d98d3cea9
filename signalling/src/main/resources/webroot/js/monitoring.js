// The monitoring page (docs/footprint.md): a monitor, director, deputy director or methodist picks an organisation,
// programme, group and period and sees per-lesson attendance, per-student and per-teacher totals, each programme's
// synchronous share against the 30 % minimum and distance share against the 20 % maximum (charts, programmes off the
// line highlighted) and the distance-day count, with CSV and xAPI exports. Data from /api/orgs/:org/footprint/*.
import './accounts-i18n.js';
import { initLanguage, mountLanguageSwitch, onLanguageChange, t, errorText, formatDateTime, currentLanguage } from './i18n.js';
import { $, h } from './dom.js';
import { api, currentUser } from './api.js';
import { mountAccountBar } from './account-bar.js';
import { clock, share, hours, defaultPeriod, isoDay, offTheLine, apiPath } from './footprint-format.js';

const MONITOR_ROLES = new Set(['monitor', 'director', 'deputy-director', 'methodist', 'administrator']);
const SYNC_MINIMUM = 0.3;
const DISTANCE_MAXIMUM = 0.2;
const params = new URLSearchParams(location.search);
const state = {
  orgs: [], programmes: [], groups: [], shares: [], lessons: [], attendance: null, lesson: null,
  students: [], teachers: [], distance: [], error: null, loading: false, loaded: 0,
};
const charts = {};
window.sabaqMonitoring = { state, reload: () => loadReports(), selectLesson: (id) => selectLesson(id) };

initLanguage(params.get('lang'));
mountLanguageSwitch($('#lang-switch'));
onLanguageChange(render);
boot().catch(showError);

function showError(error) {
  state.error = error ? errorText(error.code ?? 'INTERNAL', error.message) : null;
  $('#page-error').hidden = !state.error;
  $('#page-error').textContent = state.error ?? '';
}

async function boot() {
  const user = await currentUser();
  mountAccountBar($('#account-bar'), user);
  const orgIds = [...new Set((user.roles ?? []).filter((r) => MONITOR_ROLES.has(r.role)).map((r) => r.orgId))];
  state.orgs = orgIds;
  const period = defaultPeriod();
  $('#from').value = params.get('from') ?? period.from;
  $('#to').value = params.get('to') ?? period.to;
  $('#day').value = params.get('day') ?? period.to;
  $('#org').replaceChildren(...orgIds.map((id) => h('option', { value: id }, id)));
  $('#org-field').hidden = orgIds.length < 2;
  if (orgIds.length === 0) {
    showError({ code: 'FORBIDDEN' });
    return;
  }
  $('#org').value = orgIds.includes(params.get('org')) ? params.get('org') : orgIds[0];
  $('#org').addEventListener('change', () => loadOrg().catch(showError));
  $('#programme').addEventListener('change', () => renderGroups());
  $('#filters').addEventListener('submit', (e) => {
    e.preventDefault();
    loadReports().catch(showError);
  });
  $('#day').addEventListener('change', () => loadDistanceDay().catch(showError));
  await loadOrg();
}

const org = () => $('#org').value;
const period = () => ({ from: $('#from').value, to: $('#to').value });

async function loadOrg() {
  const [programmes, groups] = await Promise.all([
    api('GET', `api/orgs/${org()}/programmes`).then((r) => r.programmes ?? [], () => []),
    api('GET', `api/orgs/${org()}/groups`).then((r) => r.groups ?? []),
  ]);
  state.programmes = programmes;
  state.groups = groups;
  $('#programme').replaceChildren(h('option', { value: '' }, t('monitor.allProgrammes')),
    ...programmes.map((p) => h('option', { value: p.id }, p.name)));
  if (programmes.some((p) => p.id === params.get('programme'))) $('#programme').value = params.get('programme');
  renderGroups();
  if (groups.some((g) => g.id === params.get('group'))) $('#group').value = params.get('group');
  await loadReports();
}

function renderGroups() {
  const programme = state.programmes.find((p) => p.id === $('#programme').value);
  const groups = programme ? state.groups.filter((g) => (programme.groupIds ?? []).includes(g.id)) : state.groups;
  const chosen = $('#group').value;
  $('#group').replaceChildren(...groups.map((g) => h('option', { value: g.id }, g.name)));
  if (groups.some((g) => g.id === chosen)) $('#group').value = chosen;
}

async function loadReports() {
  showError(null);
  state.loading = true;
  const group = $('#group').value;
  const { from, to } = period();
  const base = `api/orgs/${org()}/footprint`;
  const [shares, lessons, totals] = await Promise.all([
    api('GET', apiPath(`${base}/shares`, { from, to })).then((r) => r.shares ?? []),
    group ? api('GET', apiPath(`${base}/lessons`, { group, from, to })).then((r) => r.lessons ?? []) : [],
    group ? api('GET', apiPath(`${base}/groups/${group}/totals`, { from, to })) : { students: [], teachers: [] },
  ]);
  Object.assign(state, { shares, lessons, students: totals.students ?? [], teachers: totals.teachers ?? [] });
  const wanted = params.get('lesson');
  const keep = state.lesson && lessons.some((l) => l.lessonId === state.lesson) ? state.lesson
    : lessons.some((l) => l.lessonId === wanted) ? wanted : lessons[lessons.length - 1]?.lessonId;
  if (keep) await selectLesson(keep, false);
  else Object.assign(state, { lesson: null, attendance: null });
  await loadDistanceDay(false);
  state.loading = false;
  state.loaded++;
  render();
}

async function selectLesson(lessonId, draw = true) {
  const answer = await api('GET', `api/orgs/${org()}/footprint/lessons/${encodeURIComponent(lessonId)}/attendance`);
  state.lesson = lessonId;
  state.attendance = answer;
  if (draw) render();
  return answer;
}

async function loadDistanceDay(draw = true) {
  const day = $('#day').value || isoDay(new Date());
  const answer = await api('GET', apiPath(`api/orgs/${org()}/footprint/distance-day`, { day, tz: 'Asia/Almaty' }));
  state.distance = answer.rows ?? [];
  if (draw) render();
}

function render() {
  if (!state.orgs.length) return;
  renderShares();
  renderLessons();
  renderAttendance();
  renderTotals($('#student-totals'), state.students);
  renderTotals($('#teacher-totals'), state.teachers);
  renderDistanceDay();
  renderExports();
}

function cells(values) {
  return values.map((v) => h('td', {}, v));
}

function renderShares() {
  const lang = currentLanguage();
  const selected = $('#programme').value;
  $('#share-table tbody').replaceChildren(...state.shares.map((s) => h('tr', {
    className: [offTheLine(s) ? 'below-line' : '', s.programmeId === selected ? 'selected' : ''].join(' ').trim(),
    'data-programme-id': s.programmeId,
  }, h('th', { scope: 'row' }, s.name), ...cells([t(`monitor.kind.${String(s.kind).replace(/-/g, "_")}`), hours(s.baseHours, lang),
    hours(s.deliveredSynchronousHours, lang), share(s.synchronousShare, lang), share(s.distanceShare, lang)]))));
  drawShareChart('sync', state.shares.filter((s) => s.synchronousMinimum != null), 'synchronousShare', SYNC_MINIMUM,
    (s) => s.belowSynchronousMinimum, t('monitor.col.syncShare'), t('monitor.minimum'));
  drawShareChart('distance', state.shares.filter((s) => s.distanceMaximum != null), 'distanceShare', DISTANCE_MAXIMUM,
    (s) => s.aboveDistanceMaximum, t('monitor.col.distanceShare'), t('monitor.maximum'));
}

/** A bar per programme (red when off the line) and the rule as a dashed line. */
function drawShareChart(name, shares, field, line, off, label, lineLabel) {
  const Chart = window.Chart;
  if (!Chart) return;
  const styles = getComputedStyle(document.documentElement);
  const ok = styles.getPropertyValue('--primary').trim() || '#1f6feb';
  const bad = styles.getPropertyValue('--danger').trim() || '#d1242f';
  const data = {
    labels: shares.map((s) => s.name),
    datasets: [
      { type: 'bar', label, data: shares.map((s) => Math.round((s[field] ?? 0) * 1000) / 10),
        backgroundColor: shares.map((s) => (off(s) ? bad : ok)) },
      { type: 'line', label: lineLabel, data: shares.map(() => line * 100), borderColor: bad, borderDash: [6, 4],
        pointRadius: 0, fill: false },
    ],
  };
  if (charts[name]) {
    charts[name].data = data;
    charts[name].update();
    return;
  }
  charts[name] = new Chart($(`#${name}-chart`), {
    data,
    options: { animation: false, responsive: true, scales: { y: { beginAtZero: true, suggestedMax: 100, ticks: { callback: (v) => `${v} %` } } } },
  });
}

function renderLessons() {
  $('#lessons-empty').hidden = state.lessons.length > 0;
  $('#lesson-table tbody').replaceChildren(...state.lessons.map((l) => h('tr', {
    className: l.lessonId === state.lesson ? 'selected' : '', 'data-lesson-id': l.lessonId,
  }, h('td', {}, formatDateTime(l.startedAt)), ...cells([l.teacherName ?? '', clock(l.deliveredMs), String(l.attendees ?? 0)]),
  h('td', {}, h('button', { type: 'button', className: 'button small', onclick: () => selectLesson(l.lessonId).catch(showError) },
    t('monitor.open'))))));
}

function renderAttendance() {
  const a = state.attendance;
  $('#attendance-section').hidden = !a;
  if (!a) return;
  $('#attendance-lesson').textContent = a.lesson?.startedAt ? formatDateTime(a.lesson.startedAt) : state.lesson;
  $('#attendance-table tbody').replaceChildren(...(a.rows ?? []).map((r) => h('tr', { 'data-actor-id': r.actorId, 'data-role': r.role },
    h('th', { scope: 'row' }, r.name || r.actorId),
    ...cells([t(`role.${r.role}`), r.firstJoinedAt > 0 ? formatDateTime(r.firstJoinedAt) : '–',
      r.lastLeftAt > 0 ? formatDateTime(r.lastLeftAt) : '–', clock(r.attendedMs), clock(r.cameraOnMs), clock(r.micOnMs),
      clock(r.speakingMs), String(r.chatMessages ?? 0), String(r.handRaises ?? 0)]))));
}

function renderTotals(table, rows) {
  $('thead', table).replaceChildren(h('tr', {}, ...['name', 'lessonsCount', 'attended', 'camera', 'mic', 'speaking', 'chat', 'hands']
    .map((k) => h('th', { scope: 'col' }, t(`monitor.col.${k}`)))));
  $('tbody', table).replaceChildren(...rows.map((r) => h('tr', { 'data-actor-id': r.actorId },
    h('th', { scope: 'row' }, r.name || r.actorId),
    ...cells([String(r.lessons ?? 0), clock(r.attendedMs), clock(r.cameraOnMs), clock(r.micOnMs), clock(r.speakingMs),
      String(r.chatMessages ?? 0), String(r.handRaises ?? 0)]))));
}

function renderDistanceDay() {
  $('#distance-table tbody').replaceChildren(...state.distance.map((r) => h('tr', {
    'data-group-id': r.groupId, className: r.connected < r.expected ? 'below-line' : '',
  }, h('th', { scope: 'row' }, r.groupName ?? r.groupId), ...cells([String(r.connected), String(r.expected)]))));
}

function renderExports() {
  const lang = currentLanguage();
  const { from, to } = period();
  const base = `api/orgs/${org()}/footprint`;
  const group = $('#group').value;
  $('#shares-csv').href = apiPath(`${base}/shares`, { from, to, format: 'csv', lang });
  $('#distance-csv').href = apiPath(`${base}/distance-day`, { day: $('#day').value, tz: 'Asia/Almaty', format: 'csv', lang });
  for (const [id, table] of [['#students-csv', 'students'], ['#teachers-csv', 'teachers']]) {
    $(id).hidden = !group;
    if (group) $(id).href = apiPath(`${base}/groups/${group}/totals`, { from, to, table, format: 'csv', lang });
  }
  if (state.lesson) {
    const lesson = encodeURIComponent(state.lesson);
    $('#attendance-csv').href = apiPath(`${base}/lessons/${lesson}/attendance`, { format: 'csv', lang });
    $('#attendance-xapi').href = `${base}/lessons/${lesson}/statements`;
  }
}
