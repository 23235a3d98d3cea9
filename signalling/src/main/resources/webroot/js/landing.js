// The teacher's start page: create a lesson (POST /api/lessons), show the links, start the lesson.
import { initLanguage, mountLanguageSwitch, onLanguageChange, t, errorText, formatDateTime } from './i18n.js';
import { $, copyText } from './dom.js';
import { readParams, absoluteUrl, epochMillis } from './url.js';

const TITLE_MAX = 200;
const NAME_MAX = 100;
const NAME_STORAGE_KEY = 'sabaq.teacherName';

const form = $('#create-form');
const titleInput = $('#lesson-title');
const nameInput = $('#teacher-name');
const errorBox = $('#create-error');
const createButton = $('#create-button');
const copyStatus = $('.copy-status');

let shownError = null;
let lesson = null;

initLanguage(readParams().get('lang'));
mountLanguageSwitch($('#lang-switch'));
onLanguageChange(() => {
  renderError();
  if (lesson) renderResult();
  copyStatus.textContent = '';
});
nameInput.value = readStoredName();

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const title = titleInput.value.trim();
  const teacherName = nameInput.value.trim();
  const invalid = validate(titleInput, title, TITLE_MAX) ?? validate(nameInput, teacherName, NAME_MAX);
  if (invalid) {
    showError(invalid);
    return;
  }
  showError(null);
  createButton.disabled = true;
  createButton.textContent = t('landing.creating');
  try {
    lesson = await createLesson(title, teacherName);
    storeName(teacherName);
    renderResult();
    $('#create-view').hidden = true;
    $('#result-view').hidden = false;
    $('#start-lesson').focus();
  } catch (error) {
    showError({ code: error.code ?? 'NETWORK', message: error.message });
  } finally {
    createButton.disabled = false;
    createButton.textContent = t('landing.create');
  }
});

$('#create-another').addEventListener('click', () => {
  lesson = null;
  titleInput.value = '';
  copyStatus.textContent = '';
  $('#result-view').hidden = true;
  $('#create-view').hidden = false;
  titleInput.focus();
});

for (const button of document.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', async () => {
    const input = document.getElementById(button.dataset.copy);
    const ok = await copyText(input.value, input);
    copyStatus.textContent = ok ? t('common.copied') : t('common.copyFailed');
  });
}

/** POST /api/lessons; resolves with the lesson links or rejects with {code, message}. */
async function createLesson(title, teacherName) {
  let response;
  try {
    response = await fetch('api/lessons', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Sabaq-Request': '1' },
      body: JSON.stringify({ title, teacherName }),
    });
  } catch {
    throw Object.assign(new Error('network'), { code: 'NETWORK' });
  }
  if (response.status === 401) {
    // Guest lessons are off on this server: teachers sign in and start lessons for their groups.
    location.href = 'signin.html?return=my-lessons.html';
    return new Promise(() => {});
  }
  const body = await response.json().catch(() => null);
  if (!response.ok || !body) {
    const code = body?.error?.code ?? codeForStatus(response.status);
    throw Object.assign(new Error(body?.error?.message ?? String(response.status)), { code });
  }
  return body;
}

function codeForStatus(status) {
  if (status === 400) return 'BAD_REQUEST';
  if (status === 404) return 'LESSON_NOT_FOUND';
  if (status === 413) return 'MESSAGE_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'INTERNAL';
  return 'UNKNOWN';
}

function validate(input, value, max) {
  if (value.length === 0) return { key: 'form.required', input };
  if (value.length > max) return { key: 'form.tooLong', params: { max }, input };
  // The server refuses control characters (protocol section 1).
  if (/[\u0000-\u001f\u007f]/.test(value)) return { key: 'form.invalidChars', input };
  return null;
}

function showError(error) {
  for (const input of [titleInput, nameInput]) input.removeAttribute('aria-invalid');
  shownError = error;
  renderError();
  if (error?.input) {
    error.input.setAttribute('aria-invalid', 'true');
    error.input.focus();
  }
}

function renderError() {
  errorBox.hidden = !shownError;
  if (!shownError) return;
  errorBox.textContent = shownError.key ? t(shownError.key, shownError.params) : errorText(shownError.code, shownError.message);
}

function renderResult() {
  $('#result-title').textContent = lesson.title;
  $('#student-link').value = absoluteUrl(lesson.studentUrl);
  $('#observer-link').value = absoluteUrl(lesson.observerUrl);
  const expires = epochMillis(lesson.expiresAt);
  $('#result-expires').textContent = Number.isFinite(expires) ? t('landing.expires', { time: formatDateTime(expires) }) : '';
  $('#start-lesson').href = teacherLink(lesson);
}

/** The teacher's lesson link, carrying the student and observer tokens so the lesson page can show the invitations. */
function teacherLink(created) {
  const url = new URL(absoluteUrl(created.teacherUrl));
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  if (!fragment.has('token')) fragment.set('token', created.teacherToken);
  fragment.set('student', created.studentToken);
  fragment.set('observer', created.observerToken);
  if ($('#record-lesson').checked) fragment.set('record', '1');
  url.hash = fragment.toString();
  return url.href;
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
