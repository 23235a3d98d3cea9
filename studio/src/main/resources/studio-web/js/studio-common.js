// Shared by the studio, catalog and course pages: JSON requests with the session cookie and the CSRF header (an
// expired session is refreshed once, else the sign-in page opens), localized course texts, durations.
import { currentLanguage, errorText, t } from '/js/i18n.js';

/** GET as JSON; resolves to the body, or {apiError: {code, args}} (NETWORK when the server is unreachable). */
export async function apiGet(url) {
  return request(url, { method: 'GET' });
}

export async function apiSend(method, url, body) {
  const init = { method, headers: {} };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  return request(url, init);
}

let refreshing = null;

/** Renews an expired access cookie with the refresh cookie once; concurrent callers share the request. */
function refreshSession() {
  refreshing ??= fetch('/api/auth/refresh', { method: 'POST', headers: { 'X-Sabaq-Request': '1' }, credentials: 'same-origin' })
    .then((r) => r.ok, () => false)
    .finally(() => { refreshing = null; });
  return refreshing;
}

async function request(url, init, retry = true) {
  // State-changing requests carry the CSRF header every API route asks for (docs/security.md).
  const headers = { Accept: 'application/json', ...(init.headers ?? {}) };
  if (init.method !== 'GET') headers['X-Sabaq-Request'] = '1';
  let response;
  try {
    response = await fetch(url, { ...init, headers, credentials: 'same-origin' });
  } catch {
    return { apiError: { code: 'NETWORK', args: {} } };
  }
  if (response.status === 401 && retry) {
    if (await refreshSession()) return request(url, init, false);
    location.href = `/signin.html?return=${encodeURIComponent(location.pathname.replace(/^\//, ''))}`;
    return new Promise(() => {});
  }
  const answer = await response.json().catch(() => ({}));
  // A refusal is {apiError}: answers may have an "error" field of their own (a failed job's).
  if (!response.ok) return { apiError: { code: answer?.error?.code ?? 'UNKNOWN', args: answer?.error?.args ?? {}, status: response.status } };
  return answer;
}

/** The text in the reader's language: Russian readers get ru, everyone else kk (the other when one is empty). */
export function localized(text) {
  if (!text) return '';
  const first = currentLanguage() === 'ru' ? text.ru : text.kk;
  return first || text.kk || text.ru || '';
}

export function durationText(seconds) {
  const s = Math.round(seconds || 0);
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${Math.floor(s / 60)}:${ss}`;
}

/** The reader's text for an error from apiGet/apiSend: a studio error with its arguments, else the general one. */
export function errorMessage(error) {
  const key = `studio.error.${error.code}`;
  if (t(key) !== key) return t(key, localizedArgs(error.args ?? {}));
  return errorText(error.code);
}

/** Arguments as the reader should see them: a named asset (source, intro, ...) in the reader's language. */
function localizedArgs(args) {
  const out = { ...args };
  if (out.asset && t(`studio.asset.${keyPart(out.asset)}`) !== `studio.asset.${keyPart(out.asset)}`) out.asset = t(`studio.asset.${keyPart(out.asset)}`);
  return out;
}

/** A step id, asset or corner name as a dictionary key part ('-' is not allowed in keys). */
export function keyPart(name) {
  return String(name).replace(/-/g, '_');
}
