// Connection quality as the SFU reports it (protocol section 2.2, connection-quality): validation of the message,
// the 1-5 level names, the localized tooltip text, and the "weak connection" flag that the teacher's participant
// list uses. Pure functions (tested from Node).

/** A score at or below this marks a weak connection (the teacher's list flags and sorts these students first). */
export const WEAK_SCORE = 2;
/** Samples (about 2 s apart) above WEAK_SCORE before a weak flag is cleared, so that the list does not flicker. */
export const RECOVERY_SAMPLES = 3;

const LEVELS = Object.freeze({ 1: 'bad', 2: 'poor', 3: 'fair', 4: 'good', 5: 'excellent' });

/**
 * The quality object of a connection-quality message with checked types: score an integer 1-5, lossPercent >= 0,
 * rttMs / availableKbps -1 when unknown, jitterMs >= 0, receivingVideo a boolean. Null when there is no usable score.
 */
export function normalizeQuality(raw) {
  if (!raw || typeof raw !== 'object' || !Number.isFinite(raw.score)) return null;
  const nonNegative = (value, unknown) => (Number.isFinite(value) && value >= 0 ? value : unknown);
  return {
    score: Math.min(5, Math.max(1, Math.round(raw.score))),
    lossPercent: Math.min(100, nonNegative(raw.lossPercent, 0)),
    rttMs: nonNegative(raw.rttMs, -1),
    jitterMs: nonNegative(raw.jitterMs, 0),
    availableKbps: nonNegative(raw.availableKbps, -1),
    receivingVideo: raw.receivingVideo !== false,
  };
}

/** excellent | good | fair | poor | bad: names the i18n key quality.level.<name>. */
export function qualityLevel(score) {
  return LEVELS[Math.min(5, Math.max(1, Math.round(score) || 1))];
}

/** The same levels, for tests and for checking that every level has a text. */
export const QUALITY_LEVELS = Object.freeze(Object.values(LEVELS));

/**
 * The parts of the quality description, each an i18n key with its parameters: level and score, packet loss, RTT
 * (or "not measured yet"), jitter, the available bandwidth when known, and "video paused" when the SFU sends no video
 * although the participant did not choose audio only.
 */
export function qualityParts(quality, { audioOnly = false } = {}) {
  const parts = [
    { key: 'quality.summary', params: { level: { key: `quality.level.${qualityLevel(quality.score)}` }, score: quality.score } },
    { key: 'quality.loss', params: { value: { number: quality.lossPercent, digits: 1 } } },
    quality.rttMs >= 0 ? { key: 'quality.rtt', params: { ms: { number: quality.rttMs } } } : { key: 'quality.rttUnknown' },
    { key: 'quality.jitter', params: { ms: { number: quality.jitterMs } } },
  ];
  if (quality.availableKbps >= 0) parts.push({ key: 'quality.bandwidth', params: { kbps: { number: quality.availableKbps } } });
  if (!quality.receivingVideo && !audioOnly) parts.push({ key: 'quality.videoPaused' });
  return parts;
}

/**
 * The localized one-line description, e.g. "Connection quality: good (4/5) · packet loss 1.5% · RTT 85 ms · …".
 * @param translate t(key, params) of i18n.js
 * @param lang the language for number formatting
 */
export function describeQuality(quality, translate, lang, options) {
  const format = (value) => {
    if (value && typeof value === 'object' && 'key' in value) return translate(value.key);
    if (value && typeof value === 'object' && 'number' in value) return formatNumber(value.number, lang, value.digits ?? 0);
    return value;
  };
  return qualityParts(quality, options)
    .map(({ key, params }) => translate(key, params && Object.fromEntries(Object.entries(params).map(([name, value]) => [name, format(value)]))))
    .join(' · ');
}

/** Number formats by language and digits: the teacher's list describes every participant on every render. */
const formats = new Map();

function formatNumber(value, lang, digits) {
  const key = `${lang}:${digits}`;
  try {
    if (!formats.has(key)) formats.set(key, new Intl.NumberFormat(lang, { maximumFractionDigits: digits }));
    return formats.get(key).format(value);
  } catch {
    return value.toFixed(digits);
  }
}

/**
 * The weak flag after a new sample: set at once when the score is WEAK_SCORE or less, cleared only after
 * RECOVERY_SAMPLES better samples in a row. previous is the last result or undefined.
 * @returns {{weak: boolean, calm: number}} calm counts the better samples since the flag was set
 */
export function nextWeakFlag(previous, quality) {
  if (quality.score <= WEAK_SCORE) return { weak: true, calm: 0 };
  if (!previous?.weak) return { weak: false, calm: 0 };
  const calm = previous.calm + 1;
  return calm >= RECOVERY_SAMPLES ? { weak: false, calm: 0 } : { weak: true, calm };
}
