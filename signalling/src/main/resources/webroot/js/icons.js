// Inline SVG icons (24x24, currentColor): no image downloads.
const svg = (body) => `<svg viewBox="0 0 24 24" width="24" height="24" focusable="false">${body}</svg>`;
const line = 'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"';
const slash = `<path d="M4 4l16 16" ${line}/>`;

const micBody = `<rect x="9" y="3" width="6" height="11" rx="3" fill="currentColor"/><path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21M8.5 21h7" ${line}/>`;
const cameraBody = `<rect x="2.5" y="6" width="13" height="12" rx="2.5" fill="currentColor"/><path d="M16.5 10.5l5-3v9l-5-3z" fill="currentColor"/>`;

export const icons = Object.freeze({
  mic: svg(micBody),
  micOff: svg(micBody + slash),
  camera: svg(cameraBody),
  cameraOff: svg(cameraBody + `<path d="M3 3l18 18" stroke="#fff" stroke-width="4"/>` + slash),
  screen: svg(`<rect x="2.5" y="4" width="19" height="13" rx="2" ${line}/><path d="M8 21h8M12 17v4M12 14V8M9 11l3-3 3 3" ${line}/>`),
  screenStop: svg(`<rect x="2.5" y="4" width="19" height="13" rx="2" ${line}/><path d="M8 21h8M12 17v4M9.5 8l5 5M14.5 8l-5 5" ${line}/>`),
  hand: svg(`<path d="M8 12.5V6a1.5 1.5 0 0 1 3 0v5V4.5a1.5 1.5 0 0 1 3 0V11V6a1.5 1.5 0 0 1 3 0v8.5A6.5 6.5 0 0 1 10.5 21h-.3a6 6 0 0 1-4.9-2.5L3.7 16a1.6 1.6 0 0 1 2.5-2z" ${line}/>`),
  record: svg(`<circle cx="12" cy="12" r="6.5" fill="currentColor"/>`),
  endCall: svg(`<path d="M2.5 14.5c5.2-5.3 13.8-5.3 19 0l-2.6 2.6-3.7-1.9v-3.2a11 11 0 0 0-6.4 0v3.2l-3.7 1.9z" fill="currentColor"/>`),
  leave: svg(`<path d="M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10" ${line}/>`),
  copy: svg(`<rect x="8" y="8" width="12" height="12" rx="2" ${line}/><path d="M16 8V5a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3" ${line}/>`),
  sound: svg(`<path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor"/><path d="M16.5 9a4 4 0 0 1 0 6M19 6.5a7.5 7.5 0 0 1 0 11" ${line}/>`),
  floor: svg(`<path d="M4 10v4h3l6 4V6L7 10z" fill="currentColor"/><path d="M16 8.5l4-2M16 12h4.5M16 15.5l4 2" ${line}/>`),
  remove: svg(`<path d="M6 6l12 12M18 6L6 18" ${line}/>`),
  send: svg(`<path d="M3 11.5l18-8-6.5 17-3-7.5z" fill="currentColor"/>`),
  audioOnly: svg(`<path d="M4 15v-3a8 8 0 0 1 16 0v3" ${line}/><rect x="3" y="14" width="5" height="7" rx="1.5" fill="currentColor"/><rect x="16" y="14" width="5" height="7" rx="1.5" fill="currentColor"/>`),
});

/** Five signal bars of rising height, the first `score` (1-5) of them filled (class "on"), the rest outlined. */
export function signalBars(score) {
  const filled = Math.min(5, Math.max(0, Math.round(Number(score)) || 0));
  const bars = [0, 1, 2, 3, 4].map((i) => {
    const height = 4 + i * 4;
    return `<rect class="${i < filled ? 'on' : 'off'}" x="${1 + i * 4.6}" y="${21 - height}" width="3.4" height="${height}" rx="1"/>`;
  });
  return svg(bars.join(''));
}
