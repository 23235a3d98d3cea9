// Reading page parameters (query string and #fragment) and the unverified claims of a join token.

/** Query and fragment parameters merged; the fragment wins (tokens travel in the fragment, never to the server). */
export function readParams(loc = location) {
  const params = new URLSearchParams(loc.search);
  const fragment = new URLSearchParams(loc.hash.replace(/^#/, ''));
  for (const [key, value] of fragment) params.set(key, value);
  return params;
}

/**
 * The claims of a compact JWT (lsn, role, exp, ...) decoded without verifying the signature: the page only uses them
 * to prepare the view (the server verifies the token on join). Null when the token is not a readable JWT.
 */
export function tokenClaims(token) {
  if (typeof token !== 'string') return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' && !Array.isArray(claims) ? claims : null;
  } catch {
    return null;
  }
}

/** An absolute URL for a server-provided link that may be relative. */
export function absoluteUrl(url, base = location.href) {
  return new URL(url, base).href;
}

/** The lesson page link for a join token on this server. */
export function lessonLink(token, base = location.href) {
  return new URL(`lesson.html#token=${encodeURIComponent(token)}`, base).href;
}

/** The WebSocket endpoint of the signalling server that served this page. */
export function webSocketUrl(base = location.href) {
  const url = new URL('ws', base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.hash = '';
  url.search = '';
  return url.href;
}

/** An expiry given as epoch seconds, epoch milliseconds or an ISO string, as epoch milliseconds (NaN if unreadable). */
export function epochMillis(value) {
  if (typeof value === 'number') return value < 1e12 ? value * 1000 : value;
  if (typeof value === 'string') return /^\d+$/.test(value) ? epochMillis(Number(value)) : Date.parse(value);
  return NaN;
}
