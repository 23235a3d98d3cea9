// Played stretches of a recording for the digital footprint (docs/footprint.md, "recording-watched"): ranges in
// milliseconds, merged and subtracted so each stretch is reported once even though the video element's played
// ranges start again at every source change.

/** Sorted, merged copy of [fromMs, toMs] pairs; empty and inverted pairs are dropped. */
export function mergeRanges(ranges) {
  const sorted = ranges.filter(([from, to]) => to > from).map(([from, to]) => [from, to]).sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** The parts of {@code ranges} not covered by {@code covered} (both lists of [fromMs, toMs]). */
export function subtractRanges(ranges, covered) {
  const cover = mergeRanges(covered);
  const out = [];
  for (const [from, to] of mergeRanges(ranges)) {
    let start = from;
    for (const [cFrom, cTo] of cover) {
      if (cTo <= start || cFrom >= to) continue;
      if (cFrom > start) out.push([start, cFrom]);
      start = Math.max(start, cTo);
      if (start >= to) break;
    }
    if (start < to) out.push([start, to]);
  }
  return out;
}

/** A video element's played TimeRanges as whole milliseconds. */
export function playedRanges(video) {
  const out = [];
  for (let i = 0; i < video.played.length; i++) {
    out.push([Math.floor(video.played.start(i) * 1000), Math.ceil(video.played.end(i) * 1000)]);
  }
  return out;
}

/** A random watch id (16 URL-safe characters): one per playback of one recording. */
export function newWatchId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}
