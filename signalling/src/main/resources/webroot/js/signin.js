// The sign-in page (docs/security.md section 2): password, then as the server asks: a new password, TOTP enrolment
// (the key and an otpauth:// link), or the TOTP code; single sign-on buttons. body[data-stage] names the step shown.
import './accounts-i18n.js';
import { initLanguage, mountLanguageSwitch, onLanguageChange, t, errorText } from './i18n.js';
import { $ } from './dom.js';
import { readParams } from './url.js';
import { api, homeFor, safeReturn } from './api.js';

const VIEWS = { password: '#password-view', 'change-password': '#change-view', 'enrol-totp': '#enrol-view', totp: '#totp-view' };
const params = readParams();
const returnTo = safeReturn(params.get('return'));
const errorBox = $('#signin-error');
let shownError = null;

initLanguage(params.get('lang'));
mountLanguageSwitch($('#lang-switch'));
onLanguageChange(renderError);

function show(stage) {
  document.body.dataset.stage = stage;
  for (const [name, selector] of Object.entries(VIEWS)) $(selector).hidden = name !== stage;
  const first = $(`${VIEWS[stage] ?? 'main'} input`);
  if (first) first.focus();
}

function showError(error) {
  shownError = error;
  renderError();
}

function renderError() {
  errorBox.hidden = !shownError;
  if (!shownError) return;
  errorBox.textContent = shownError.code === 'LOCKED'
    ? t('signin.locked', { seconds: shownError.details?.retryAfter ?? '?' })
    : errorText(shownError.code, shownError.message);
}

/** Submits a form's step; disables its button meanwhile; moves on to whatever the server says comes next. */
function onSubmit(form, button, step) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      showError(null);
      const answer = await step();
      if (answer) await next(answer.next);
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  });
}

async function next(stage) {
  if (stage === 'done') {
    document.body.dataset.stage = 'done';
    const me = await api('GET', 'api/me');
    location.href = returnTo ?? homeFor(me);
    return;
  }
  if (stage === 'enrol-totp') {
    const enrolment = await api('POST', 'api/auth/totp/enrol');
    $('#totp-secret').textContent = enrolment.secret.replace(/(.{4})/g, '$1 ').trim();
    $('#totp-secret').dataset.secret = enrolment.secret;
    $('#totp-uri').href = enrolment.uri;
  }
  show(stage);
}

onSubmit($('#password-form'), $('#password-submit'), () => {
  const login = $('#login').value.trim();
  const password = $('#password').value;
  if (!login || !password) throw { code: 'MISSING_FIELDS' };
  return api('POST', 'api/auth/sign-in', { login, password }).finally(() => { $('#password').value = ''; });
});

onSubmit($('#change-form'), $('#change-submit'), () => {
  const password = $('#new-password').value;
  if (password !== $('#repeat-password').value) throw { code: 'PASSWORDS_DIFFER' };
  return api('POST', 'api/auth/password', { password });
});

onSubmit($('#enrol-form'), $('#enrol-submit'), () => api('POST', 'api/auth/totp/confirm', { code: $('#enrol-code').value.trim() }));

onSubmit($('#totp-form'), $('#totp-submit'), () => api('POST', 'api/auth/totp', { code: $('#totp-code').value.trim() })
  .finally(() => { $('#totp-code').value = ''; }));

async function start() {
  const failed = params.get('error');
  if (failed) showError({ code: failed });
  try {
    const me = await api('GET', 'api/me', undefined, false);
    location.href = returnTo ?? homeFor(me);
    return;
  } catch {
    // Not signed in: show the form.
  }
  show('password');
  try {
    const config = await api('GET', 'api/auth/config');
    $('#password-rule').textContent = t('signin.passwordRule');
    const box = $('#providers');
    for (const provider of config.providers) {
      const link = document.createElement('a');
      link.className = 'button';
      link.href = `api/auth/oidc/${encodeURIComponent(provider.id)}/start${returnTo ? `?return=${encodeURIComponent('/' + returnTo)}` : ''}`;
      link.textContent = t('signin.with', { name: provider.displayName });
      box.append(link);
    }
    box.hidden = config.providers.length === 0;
  } catch (error) {
    showError(error);
  }
}

start();
