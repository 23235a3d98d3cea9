// The accounts API seen from the pages (docs/security.md): JSON over fetch with the CSRF header, one refresh of an
// expired session, errors as ApiError {status, code, details}.

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message || code);
    this.status = status;
    this.code = code;
    this.details = details ?? {};
  }
}

const STATUS_CODES = { 400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 429: 'LOCKED' };
let refreshing = null;

/** Calls the API; body is an object (JSON), a string or a File (CSV), or undefined. Resolves with the JSON answer. */
export async function api(method, path, body, retry = true) {
  const headers = {};
  if (method !== 'GET') headers['X-Sabaq-Request'] = '1';
  let payload;
  if (typeof body === 'string' || (typeof Blob !== 'undefined' && body instanceof Blob)) {
    headers['Content-Type'] = 'text/csv';
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'network');
  }
  if (response.status === 401 && retry && !path.startsWith('api/auth/') && (await refreshSession())) {
    return api(method, path, body, false);
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data?.error ?? {};
    throw new ApiError(response.status, error.code ?? STATUS_CODES[response.status] ?? 'INTERNAL', error.message, error);
  }
  return data;
}

/** Renews the access cookie with the refresh cookie; concurrent callers share one request. */
export function refreshSession() {
  refreshing ??= fetch('api/auth/refresh', { method: 'POST', headers: { 'X-Sabaq-Request': '1' }, credentials: 'same-origin' })
    .then((r) => r.ok, () => false)
    .finally(() => { refreshing = null; });
  return refreshing;
}

/** A same-site page to return to, or null (never another site). */
export function safeReturn(value) {
  return typeof value === 'string' && /^[A-Za-z0-9._~/-]{1,150}$/.test(value) && !value.startsWith('//') ? value : null;
}

export function signInPage(returnTo = location.pathname.replace(/^\//, '')) {
  return `signin.html?return=${encodeURIComponent(returnTo)}`;
}

/** The signed-in person (GET /api/me); without a session the browser goes to the sign-in page. */
export async function currentUser() {
  try {
    return await api('GET', 'api/me');
  } catch (error) {
    if (error.status === 401) {
      location.href = signInPage();
      return new Promise(() => {});
    }
    throw error;
  }
}

export async function signOut() {
  await api('POST', 'api/auth/sign-out').catch(() => null);
  location.href = 'signin.html';
}

const ADMIN_ROLES = ['administrator', 'director', 'deputy-director', 'methodist', 'monitor'];
/** Who sees other people's digital footprint (docs/footprint.md section 4). */
const MONITORING_ROLES = ['monitor', 'director', 'deputy-director', 'methodist', 'administrator'];

/** The pages a person may use, by their roles: [{page, key}] for the account bar. */
export function pagesFor(user) {
  const roles = new Set((user?.roles ?? []).map((r) => r.role));
  const pages = [];
  if (['teacher', 'tutor', 'student'].some((r) => roles.has(r))) pages.push({ page: 'my-lessons.html', key: 'nav.lessons' });
  if (roles.has('parent')) pages.push({ page: 'parent.html', key: 'nav.children' });
  if (ADMIN_ROLES.some((r) => roles.has(r))) pages.push({ page: 'admin.html', key: 'nav.admin' });
  if (MONITORING_ROLES.some((r) => roles.has(r))) pages.push({ page: 'monitoring.html', key: 'nav.monitoring' });
  return pages;
}

/** Where a person lands after signing in. */
export function homeFor(user) {
  return pagesFor(user)[0]?.page ?? 'my-lessons.html';
}
