// Pure helpers of the monitoring page (docs/footprint.md section 4): durations, shares, periods and export links.

/** Milliseconds as h:mm:ss (or m:ss under an hour); '–' for a missing value. */
export function clock(ms) {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return '–';
  const s = Math.round(ms / 1000);
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${Math.floor(s / 60)}:${ss}`;
}

/** A fraction (0.3) as a percentage text in the language ('30 %', '30,5 %'); '–' when null. */
export function share(fraction, lang) {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return '–';
  const n = new Intl.NumberFormat(lang === 'en' ? 'en' : lang, { maximumFractionDigits: 1 }).format(fraction * 100);
  return `${n} %`;
}

/** Hours with one decimal. */
export function hours(value, lang) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(lang === 'en' ? 'en' : lang, { maximumFractionDigits: 1 }).format(value);
}

/** YYYY-MM-DD of a Date in UTC. */
export function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** The default period: the last 7 days up to today (UTC), as {from, to}. */
export function defaultPeriod(now = new Date()) {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const from = new Date(to.getTime() - 6 * 86_400_000);
  return { from: isoDay(from), to: isoDay(to) };
}

/** True for a programme below the synchronous minimum or above the distance maximum (highlighted). */
export function offTheLine(s) {
  return Boolean(s?.belowSynchronousMinimum || s?.aboveDistanceMaximum);
}

/** A relative API path with query parameters (null and undefined ones left out). */
export function apiPath(path, params = {}) {
  const query = Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return query ? `${path}?${query}` : path;
}
