// The studio page (docs/studio.md, "Studio page"): studio staff and methodists edit a course (kk/ru titles and
// descriptions, modules, lessons; per lesson a source (an upload or a Sabaq recording), cuts, intro and outro, a
// sign-language picture-in-picture, kk/ru subtitles, an audio description, chapters), save it, publish it and follow
// the job: progress bar with percent and time left, cancel, retry, and the failed step with the reason.
import './studio-i18n.js';
import { initLanguage, mountLanguageSwitch, onLanguageChange, t, translateTree } from '/js/i18n.js';
import { $, h } from '/js/dom.js';
import { readParams } from '/js/url.js';
import { apiGet, apiSend, durationText, errorMessage, keyPart } from './studio-common.js';

const POLL_MS = 1000;
initLanguage(readParams().get('lang'));
mountLanguageSwitch($('#lang-switch'));

const state = { courses: [], course: null, job: null, error: null, busy: false };
let pollTimer = null;
window.sabaqStudio = { state, save: () => save(), publish: () => publish() };

onLanguageChange(() => {
  translateTree(document);
  renderForm();
  renderJob();
});
translateTree(document);
$('#new-course').addEventListener('click', () => edit(emptyCourse()));
$('#course-select').addEventListener('change', (e) => open(e.target.value));
$('#job-cancel').addEventListener('click', () => jobAction('cancel'));
$('#job-retry').addEventListener('click', () => jobAction('retry'));
loadCourses();

function showError(error) {
  state.error = error;
  const p = $('#studio-error');
  p.hidden = !error;
  p.textContent = error ? errorMessage(error) : '';
}

async function loadCourses(select) {
  const answer = await apiGet('/api/studio/courses');
  if (answer.apiError) return showError(answer.apiError);
  state.courses = answer.courses;
  $('#course-select').replaceChildren(h('option', { value: '' }, '—'),
    ...state.courses.map((c) => h('option', { value: c.id }, `${c.id} · ${c.title.kk} / ${c.title.ru}`)));
  if (select) $('#course-select').value = select;
}

async function open(id) {
  if (!id) return;
  const course = await apiGet(`/api/studio/courses/${encodeURIComponent(id)}`);
  if (course.apiError) return showError(course.apiError);
  edit(course);
  const jobs = await apiGet(`/api/studio/jobs?course=${encodeURIComponent(id)}`);
  if (!jobs.apiError && jobs.jobs.length > 0) follow(jobs.jobs[0]);
}

function emptyCourse() {
  return { id: '', title: { kk: '', ru: '' }, description: { kk: '', ru: '' }, modules: [emptyModule(1)], createdAt: 0, updatedAt: 0 };
}

function emptyModule(n) {
  return { id: `m${n}`, title: { kk: '', ru: '' }, lessons: [emptyLesson(1)] };
}

function emptyLesson(n) {
  return { id: `l${n}`, title: { kk: '', ru: '' }, description: { kk: '', ru: '' }, source: null,
    cuts: { start: 0, end: null, remove: [] }, intro: null, outro: null, pip: null, subtitles: {}, audioDescription: null, chapters: [] };
}

function edit(course) {
  showError(null);
  state.course = course;
  $('#course-form').hidden = false;
  renderForm();
}

function text(label, value, onInput, attrs = {}) {
  return h('label', {}, label, h('input', { type: 'text', value: value ?? '', oninput: (e) => onInput(e.target.value), ...attrs }));
}

function bilingual(name, label, obj, multiline) {
  const field = (lang) => h('label', {}, `${label} (${lang})`, multiline
    ? h('textarea', { rows: 2, value: obj[lang] ?? '', oninput: (e) => { obj[lang] = e.target.value; }, 'data-field': `${name}-${lang}` })
    : h('input', { type: 'text', value: obj[lang] ?? '', oninput: (e) => { obj[lang] = e.target.value; }, 'data-field': `${name}-${lang}` }));
  return h('div', { className: 'studio-row' }, field('kk'), field('ru'));
}

/** A file chooser that uploads at once (checked by the server) and keeps the returned reference. */
function fileField(name, label, kind, current, set) {
  const status = h('span', { className: 'file-name', 'data-file-status': name }, current ? current.name : t('studio.noFile'));
  const input = h('input', { type: 'file', 'data-file': name, onchange: async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    status.textContent = t('studio.uploading', { name: file.name });
    const form = new FormData();
    form.append('file', file, file.name);
    const answer = await apiSend('POST', `/api/studio/uploads?kind=${kind}`, form);
    if (answer.apiError) {
      status.textContent = errorMessage(answer.apiError);
      status.className = 'file-name form-error';
      return;
    }
    set(answer.ref);
    status.className = 'file-name';
    status.textContent = answer.ref.name;
  } });
  const clear = current ? h('button', { type: 'button', className: 'link-button', onclick: () => { set(null); renderForm(); } }, t('studio.remove')) : null;
  return h('label', {}, label, input, status, clear);
}

function numberField(label, value, set, attrs = {}) {
  return h('label', {}, label, h('input', { type: 'number', step: '0.1', min: '0', value: value ?? '',
    oninput: (e) => set(e.target.value === '' ? null : Number(e.target.value)), ...attrs }));
}

function lessonForm(module, lesson) {
  const byRecording = lesson.source?.kind === 'recording';
  const removeText = (lesson.cuts.remove ?? []).map((r) => `${r.start}-${r.end}`).join(', ');
  const chaptersText = (lesson.chapters ?? []).map((c) => `${c.start} ${c.title.kk} | ${c.title.ru}`).join('\n');
  return h('fieldset', { 'data-lesson-id': lesson.id },
    h('legend', {}, t('studio.lesson', { id: lesson.id })),
    text(t('studio.id'), lesson.id, (v) => { lesson.id = v; }),
    bilingual('lesson-title', t('studio.title'), lesson.title), bilingual('lesson-description', t('studio.description'), lesson.description, true),
    h('div', { className: 'studio-row' },
      fileField('source', t('studio.source'), 'video', byRecording ? null : lesson.source, (ref) => { lesson.source = ref; }),
      text(t('studio.recording'), byRecording ? lesson.source.key : '', (v) => {
        lesson.source = v ? { kind: 'recording', key: v.trim(), name: v.trim() } : null;
      }, { placeholder: 'lessonId/recordingId' })),
    h('div', { className: 'studio-row' },
      numberField(t('studio.cutStart'), lesson.cuts.start, (v) => { lesson.cuts.start = v ?? 0; }, { 'data-field': 'cut-start' }),
      numberField(t('studio.cutEnd'), lesson.cuts.end, (v) => { lesson.cuts.end = v; }, { 'data-field': 'cut-end' }),
      text(t('studio.cutRemove'), removeText, (v) => { lesson.cuts.remove = parseRanges(v); }, { placeholder: '120-135, 300.5-310' })),
    h('div', { className: 'studio-row' },
      fileField('intro', t('studio.intro'), 'video', lesson.intro, (ref) => { lesson.intro = ref; }),
      fileField('outro', t('studio.outro'), 'video', lesson.outro, (ref) => { lesson.outro = ref; })),
    h('div', { className: 'studio-row' },
      fileField('pip', t('studio.pip'), 'video', lesson.pip?.clip, (ref) => {
        lesson.pip = ref ? { clip: ref, corner: lesson.pip?.corner ?? 'bottom-right', size: lesson.pip?.size ?? 0.25, offset: 0 } : null;
      }),
      h('label', {}, t('studio.pipCorner'), h('select', { onchange: (e) => { if (lesson.pip) lesson.pip.corner = e.target.value; } },
        ...['bottom-right', 'bottom-left', 'top-right', 'top-left'].map((c) => h('option', { value: c, selected: lesson.pip?.corner === c }, t(`studio.corner.${keyPart(c)}`))))),
      numberField(t('studio.pipSize'), lesson.pip?.size ?? 0.25, (v) => { if (lesson.pip) lesson.pip.size = v; }, { max: '0.5', step: '0.05' })),
    h('div', { className: 'studio-row' },
      fileField('subtitles-kk', t('studio.subtitles', { lang: 'kk' }), 'subtitles', lesson.subtitles.kk, (ref) => { setSubtitles(lesson, 'kk', ref); }),
      fileField('subtitles-ru', t('studio.subtitles', { lang: 'ru' }), 'subtitles', lesson.subtitles.ru, (ref) => { setSubtitles(lesson, 'ru', ref); }),
      fileField('audio-description', t('studio.audioDescription'), 'audio', lesson.audioDescription, (ref) => { lesson.audioDescription = ref; })),
    h('label', {}, t('studio.chapters'), h('textarea', { rows: 3, value: chaptersText, placeholder: '0 Кіріспе | Введение',
      oninput: (e) => { lesson.chapters = parseChapters(e.target.value); } })),
    h('button', { type: 'button', className: 'link-button', onclick: () => {
      module.lessons = module.lessons.filter((l) => l !== lesson);
      renderForm();
    } }, t('studio.removeLesson')));
}

function setSubtitles(lesson, lang, ref) {
  const next = { ...lesson.subtitles };
  if (ref) next[lang] = ref;
  else delete next[lang];
  lesson.subtitles = next;
}

function parseRanges(v) {
  return v.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const [a, b] = s.split('-').map(Number);
    return { start: a, end: b };
  });
}

function parseChapters(v) {
  return v.split('\n').map((s) => s.trim()).filter(Boolean).map((line) => {
    const m = line.match(/^(\d+(?:\.\d+)?)\s+([^|]*)\|?(.*)$/);
    return m ? { start: Number(m[1]), title: { kk: m[2].trim(), ru: m[3].trim() } } : { start: NaN, title: { kk: line, ru: '' } };
  });
}

function renderForm() {
  const c = state.course;
  if (!c) return;
  const form = $('#course-form');
  form.replaceChildren(
    text(t('studio.courseId'), c.id, (v) => { c.id = v.trim(); }, { readOnly: c.createdAt > 0, 'data-field': 'course-id' }),
    bilingual('course-title', t('studio.title'), c.title), bilingual('course-description', t('studio.description'), c.description, true),
    ...c.modules.map((m) => h('fieldset', { 'data-module-id': m.id },
      h('legend', {}, t('studio.module', { id: m.id })),
      text(t('studio.id'), m.id, (v) => { m.id = v; }),
      bilingual('module-title', t('studio.title'), m.title),
      ...m.lessons.map((l) => lessonForm(m, l)),
      h('button', { type: 'button', className: 'button', onclick: () => { m.lessons.push(emptyLesson(m.lessons.length + 1)); renderForm(); } }, t('studio.addLesson')))),
    h('div', { className: 'recording-actions' },
      h('button', { type: 'button', className: 'button', onclick: () => { c.modules.push(emptyModule(c.modules.length + 1)); renderForm(); } }, t('studio.addModule')),
      h('button', { type: 'button', className: 'button', id: 'save-course', onclick: save }, t('studio.save')),
      h('button', { type: 'button', className: 'button primary', id: 'publish-course', onclick: publish }, t('studio.publish'))));
}

async function save() {
  const c = state.course;
  const answer = await apiSend('PUT', `/api/studio/courses/${encodeURIComponent(c.id)}`, c);
  if (answer.apiError) {
    showError(answer.apiError);
    return false;
  }
  showError(null);
  state.course = answer;
  renderForm();
  await loadCourses(answer.id);
  return true;
}

async function publish() {
  if (!(await save())) return;
  const job = await apiSend('POST', `/api/studio/courses/${encodeURIComponent(state.course.id)}/publish`);
  if (job.apiError) return showError(job.apiError);
  follow(job);
}

function follow(job) {
  state.job = job;
  renderJob();
  clearTimeout(pollTimer);
  if (job.state === 'QUEUED' || job.state === 'RUNNING') pollTimer = setTimeout(poll, POLL_MS);
}

async function poll() {
  const job = await apiGet(`/api/studio/jobs/${encodeURIComponent(state.job.id)}`);
  if (job.apiError) {
    pollTimer = setTimeout(poll, POLL_MS * 3);
    return;
  }
  follow(job);
}

async function jobAction(action) {
  if (!state.job) return;
  const job = await apiSend('POST', `/api/studio/jobs/${encodeURIComponent(state.job.id)}/${action}`);
  if (job.apiError) return showError(job.apiError);
  follow(job);
}

function currentStep(job) {
  return job.steps.find((s) => s.state === 'RUNNING' || s.state === 'FAILED');
}

function renderJob() {
  const job = state.job;
  $('#job-panel').hidden = !job;
  if (!job) return;
  const percent = Math.floor((job.progress ?? 0) * 100);
  $('#job-bar').value = percent;
  $('#job-percent').textContent = `${percent} %`;
  const step = currentStep(job);
  const parts = [t(`studio.state.${job.state.toLowerCase()}`)];
  if (step && job.state === 'RUNNING') parts.push(t(`studio.step.${keyPart(step.stepId)}`) + (step.lessonId ? ` (${step.lessonId})` : ''));
  if (job.state === 'RUNNING' && job.etaSeconds != null) parts.push(t('studio.eta', { eta: durationText(job.etaSeconds) }));
  $('#job-status').textContent = parts.join(' · ');
  const err = $('#job-error');
  err.hidden = !(job.error && job.state === 'FAILED');
  if (job.error) {
    err.textContent = `${t('studio.failedAt', { step: t(`studio.step.${keyPart(job.error.stepId)}`), lesson: job.error.lessonId ?? '—' })} `
      + errorMessage({ code: job.error.code, args: job.error.args });
  }
  $('#job-cancel').hidden = !(job.state === 'QUEUED' || job.state === 'RUNNING');
  $('#job-retry').hidden = !(job.state === 'FAILED' || job.state === 'CANCELLED');
  const openLink = $('#job-open');
  openLink.hidden = job.state !== 'SUCCEEDED';
  openLink.href = `course.html?id=${encodeURIComponent(job.course.id)}`;
}
