// "My lessons": lessons of the groups the person teaches, tutors or studies in, with join buttons; teachers start a
// lesson for a group (docs/security.md section 6). Joining opens the lesson page with the person's own link.
import './accounts-i18n.js';
import { initLanguage, mountLanguageSwitch, onLanguageChange, t, errorText, formatDateTime } from './i18n.js';
import { $, h } from './dom.js';
import { api, currentUser } from './api.js';
import { mountAccountBar } from './account-bar.js';

let data = { groups: [], lessons: [] };

initLanguage(new URLSearchParams(location.search).get('lang'));
mountLanguageSwitch($('#lang-switch'));
onLanguageChange(render);

function showError(error) {
  $('#page-error').hidden = !error;
  if (error) $('#page-error').textContent = errorText(error.code, error.message);
}

function render() {
  const creatable = data.groups.filter((g) => g.canCreate);
  $('#create-section').hidden = creatable.length === 0;
  const select = $('#lesson-group');
  const chosen = select.value;
  select.replaceChildren(...creatable.map((g) => h('option', { value: `${g.orgId}/${g.groupId}` }, g.name)));
  if (chosen) select.value = chosen;
  $('#lessons-empty').hidden = data.lessons.length > 0;
  $('#lesson-list').replaceChildren(...data.lessons.map((lesson) => h('li', { className: 'item', 'data-lesson-id': lesson.lessonId },
    h('div', { className: 'item-main' },
      h('strong', {}, lesson.title),
      h('span', { className: 'hint' }, `${lesson.groupName ?? ''} · ${lesson.teacherName} · ${formatDateTime(lesson.createdAt)}`),
      h('span', { className: `state state-${lesson.state}` }, t(`lessons.state.${lesson.state}`))),
    lesson.state === 'live'
      ? h('button', { type: 'button', className: 'button primary small', 'data-action': 'join', onclick: () => join(lesson) },
        t(lesson.role === 'teacher' ? 'lessons.teach' : 'lessons.join'))
      : null,
    h('a', { className: 'button small', 'data-action': 'recordings', href: `recordings.html#lesson=${encodeURIComponent(lesson.lessonId)}` },
      t('lessons.recordings')))));
}

async function load() {
  data = await api('GET', 'api/me/lessons');
  render();
}

async function join(lesson) {
  try {
    const link = await api('POST', `api/lessons/${encodeURIComponent(lesson.lessonId)}/join`);
    location.href = link.url;
  } catch (error) {
    showError(error);
  }
}

$('#create-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const [orgId, groupId] = $('#lesson-group').value.split('/');
  const title = $('#lesson-title').value.trim();
  if (!title) {
    showError({ code: 'MISSING_FIELDS' });
    return;
  }
  $('#create-button').disabled = true;
  try {
    const lesson = await api('POST', 'api/lessons', { title, orgId, groupId });
    location.href = lesson.teacherUrl;
  } catch (error) {
    showError(error);
  } finally {
    $('#create-button').disabled = false;
  }
});

$('#password-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('#password-status').textContent = '';
  try {
    await api('POST', 'api/me/password', { currentPassword: $('#current-password').value, newPassword: $('#next-password').value });
    $('#password-status').textContent = t('account.passwordChanged');
    showError(null);
  } catch (error) {
    showError(error);
  } finally {
    $('#current-password').value = '';
    $('#next-password').value = '';
  }
});

currentUser().then((me) => {
  mountAccountBar($('#account-bar'), me);
  return load();
}).catch(showError);
