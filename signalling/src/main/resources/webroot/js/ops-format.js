// Number formatting and SVG sparklines of the operations page. Pure functions of their arguments (plus the DOM for
// sparkline()), so they can be tested in Node.

const SVG = 'http://www.w3.org/2000/svg';

/** A fraction 0..1 as a percentage in the language's format; a dash when unknown. */
export function percent(value, lang) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: value < 0.1 ? 1 : 0 }).format(value);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'];
const BIT_UNITS = ['bit-per-second', 'kilobit-per-second', 'megabit-per-second', 'gigabit-per-second'];

function scaled(value, units, lang) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return '—';
  let unit = 0;
  let v = value;
  while (v >= 1000 && unit < units.length - 1) {
    v /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(lang, { style: 'unit', unit: units[unit], unitDisplay: 'short',
    maximumFractionDigits: v < 10 && unit > 0 ? 1 : 0 }).format(v);
}

/** Bytes with a decimal unit (kB, MB, GB, TB). */
export function bytes(value, lang) {
  return scaled(value, BYTE_UNITS, lang);
}

/** Bits per second with a decimal unit (kbit/s, Mbit/s, ...). */
export function bitrate(value, lang) {
  return scaled(value, BIT_UNITS, lang);
}

/** A whole number in the language's format. */
export function count(value, lang) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(value);
}

/** A duration in milliseconds as the largest two units, e.g. "2 d 3 h", "5 min 10 s", "120 ms". */
export function duration(ms, lang) {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return new Intl.NumberFormat(lang, { style: 'unit', unit: 'millisecond', unitDisplay: 'short' }).format(Math.round(ms));
  const parts = [['day', 86_400_000], ['hour', 3_600_000], ['minute', 60_000], ['second', 1000]];
  const out = [];
  let rest = ms;
  for (const [unit, size] of parts) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || out.length > 0) out.push(new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'narrow' }).format(n));
    if (out.length === 2) break;
  }
  return out.join(' ');
}

/**
 * The points attribute of a polyline drawing values (null = gap, treated as the lowest value) in a width x height
 * box, scaled between 0 and max (or the largest value when max is not given).
 */
export function sparkPoints(values, width, height, max) {
  const finite = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (values.length < 2 || finite.length === 0) return '';
  const top = max ?? Math.max(...finite, 1e-9);
  const step = width / (values.length - 1);
  return values.map((v, i) => {
    const value = typeof v === 'number' && Number.isFinite(v) ? Math.min(Math.max(v, 0), top) : 0;
    const y = height - (value / top) * height;
    return `${(i * step).toFixed(1)},${y.toFixed(1)}`;
  }).join(' ');
}

/** Replaces the content of container with an SVG sparkline per series: [{values, className, label}]. */
export function sparkline(container, series, max) {
  const width = 240;
  const height = 48;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', series.map((s) => s.label).join(', '));
  for (const s of series) {
    const points = sparkPoints(s.values, width, height, max);
    if (!points) continue;
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('points', points);
    line.setAttribute('class', s.className);
    line.setAttribute('vector-effect', 'non-scaling-stroke');
    svg.append(line);
  }
  container.replaceChildren(svg);
}
