// Page chrome of the lesson: connection badge, control buttons, notice bar, end-of-lesson overlay, toasts and the
// confirmation dialog.
import { $, h, icon } from './dom.js';
import { icons, signalBars } from './icons.js';
import { t, errorText, currentLanguage } from './i18n.js';
import { describeQuality } from './link-quality.js';

export function renderConnectionBadge(badge, state) {
  badge.dataset.state = state.connection;
  badge.textContent = t(`conn.${state.connection}`);
}

/**
 * Signal bars (1-5) for a quality report, with the localized details as the accessible name and the tooltip.
 * Updates element in place and only when something changed; hidden when quality is null.
 */
export function renderQuality(element, quality, { audioOnly = false } = {}) {
  element.hidden = !quality;
  if (!quality) return;
  const label = describeQuality(quality, t, currentLanguage(), { audioOnly });
  if (element.dataset.score !== String(quality.score)) {
    element.dataset.score = String(quality.score);
    element.replaceChildren(icon(signalBars(quality.score)));
  }
  if (element.getAttribute('aria-label') !== label) {
    element.setAttribute('aria-label', label);
    element.title = label;
  }
}

/** Sets a control button's icon and label (label changes with state, e.g. "Turn microphone off"). */
function setControl(button, { visible, iconName, label, pressed = null, off = false, disabled = false }) {
  button.hidden = !visible;
  if (!visible) return;
  button.disabled = disabled;
  button.classList.toggle('off', off);
  if (pressed === null) button.removeAttribute('aria-pressed');
  else button.setAttribute('aria-pressed', String(pressed));
  const signature = `${iconName}:${label}`;
  if (button.dataset.signature === signature) return;
  button.dataset.signature = signature;
  button.replaceChildren(icon(icons[iconName]), h('span', { className: 'label' }, label));
}

export function renderControls(state, sharingScreen) {
  const teacher = state.role === 'teacher';
  const student = state.role === 'student';
  const canPublish = teacher || (student && state.floor);
  const disabled = !state.joined;
  const micOn = state.local.microphone;
  setControl($('#btn-mic'), {
    visible: canPublish,
    iconName: micOn ? 'mic' : 'micOff',
    label: state.muted && !micOn ? t('controls.unmute') : t(micOn ? 'controls.micOff' : 'controls.micOn'),
    off: !micOn,
    disabled,
  });
  setControl($('#btn-cam'), {
    visible: canPublish,
    iconName: state.local.camera ? 'camera' : 'cameraOff',
    label: t(state.local.camera ? 'controls.camOff' : 'controls.camOn'),
    off: !state.local.camera,
    disabled,
  });
  setControl($('#btn-screen'), {
    visible: teacher,
    iconName: sharingScreen ? 'screenStop' : 'screen',
    label: t(sharingScreen ? 'controls.stopShare' : 'controls.share'),
    pressed: sharingScreen,
    disabled,
  });
  setControl($('#btn-hand'), {
    visible: student,
    iconName: 'hand',
    label: t(state.handRaised ? 'hand.lower' : 'hand.raise'),
    pressed: state.handRaised,
    disabled,
  });
  setControl($('#btn-audio-only'), {
    visible: true,
    iconName: 'audioOnly',
    label: t('controls.audioOnly'),
    pressed: state.audioOnly,
    disabled: state.lessonEnded || state.removed || state.left || Boolean(state.fatalError),
  });
  $('#btn-audio-only').title = t('controls.audioOnlyHint');
  setControl($('#btn-leave'), { visible: true, iconName: 'leave', label: t('controls.leave'), disabled });
  setControl($('#btn-end'), { visible: teacher, iconName: 'endCall', label: t('controls.end'), disabled });
  setControl($('#btn-record'), {
    visible: teacher,
    iconName: 'record',
    label: t(state.recording ? 'controls.recording' : 'controls.record'),
    pressed: state.recording,
    disabled: disabled || state.recording,
  });
  const rec = $('#rec-indicator');
  rec.hidden = !state.recording;
  rec.textContent = t('rec.indicator');
  rec.title = t('rec.title');
}

/** The persistent line under the stage: floor, muted, capture problems. */
export function renderNotice(bar, state) {
  const parts = [];
  if (state.role === 'student' && state.floor) parts.push(t('floor.you'));
  if (state.muted) parts.push(t('notice.mutedByTeacher'));
  if (state.videoPaused) parts.push(t('notice.videoPaused'));
  if (state.mediaError) parts.push(errorText(state.mediaError));
  bar.hidden = parts.length === 0;
  bar.textContent = parts.join(' · ');
  bar.classList.toggle('floor', state.role === 'student' && state.floor);
}

/** Full-screen message when the lesson ended, this participant was removed, left, or cannot join. */
export function renderOverlay(overlay, state, { onRejoin }) {
  let content = null;
  if (state.removed) content = { title: t('removed.title'), text: t('removed.text') };
  else if (state.lessonEnded) content = { title: t('ended.title'), text: t('ended.text'), home: state.role === 'teacher' };
  else if (state.fatalError) content = { title: t('fatal.title'), text: errorText(state.fatalError.code, state.fatalError.message) };
  else if (state.left) content = { title: t('left.title'), text: t('left.text'), rejoin: true };
  const wasHidden = overlay.hidden;
  overlay.hidden = content === null;
  $('#main').inert = content !== null;
  if (!content) return;
  overlay.dataset.kind = state.removed ? 'removed' : state.lessonEnded ? 'ended' : state.fatalError ? 'error' : 'left';
  $('#overlay-title', overlay).textContent = content.title;
  $('#overlay-text', overlay).textContent = content.text;
  const actions = [];
  if (content.rejoin) actions.push(h('button', { type: 'button', className: 'button primary', onclick: onRejoin }, t('left.rejoin')));
  if (content.home) actions.push(h('a', { className: 'button primary', href: 'index.html' }, t('ended.newLesson')));
  if (state.lessonEnded && state.recordingsUrl) actions.push(h('a', { id: 'recordings-link', className: 'button', href: state.recordingsUrl }, t('recordings.open')));
  $('#overlay-actions', overlay).replaceChildren(...actions);
  if (wasHidden) $('#overlay-title', overlay).focus();
}

/** A short message at the bottom of the screen; errors are announced assertively. */
export function showToast(container, text, kind = 'info') {
  const toast = h('div', { className: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
  container.append(toast);
  while (container.children.length > 3) container.firstElementChild.remove();
  setTimeout(() => toast.remove(), kind === 'error' ? 8000 : 5000);
}

/** Asks for confirmation in a modal dialog; resolves true when confirmed. */
export function confirmAction(message, confirmLabel) {
  const dialog = $('#confirm-dialog');
  $('#confirm-text', dialog).textContent = message;
  $('#confirm-ok', dialog).textContent = confirmLabel;
  dialog.returnValue = '';
  const form = $('form', dialog);
  return new Promise((resolve) => {
    // The form's submit event fires at once; the dialog's close event is deferred (in background tabs for long).
    const onSubmit = (event) => finish(event.submitter?.value === 'confirm');
    const onClose = () => finish(dialog.returnValue === 'confirm');
    const finish = (confirmed) => {
      form.removeEventListener('submit', onSubmit);
      dialog.removeEventListener('close', onClose);
      resolve(confirmed);
    };
    form.addEventListener('submit', onSubmit);
    dialog.addEventListener('close', onClose);
    dialog.showModal();
  });
}
