// The participant list: name, role, hand, floor, microphone, camera, audio only, connection and its quality, muted,
// speaking; the teacher also gets per-participant actions (floor, mute, remove) and sees weak connections flagged.
// Items are rebuilt only when their content changed (the quality bars are updated in place), and focus inside a
// rebuilt item is restored so keyboard users do not lose their place.
import { h, icon } from './dom.js';
import { icons } from './icons.js';
import { t, currentLanguage } from './i18n.js';
import { participantConnection } from './connection-status.js';
import { renderQuality } from './ui.js';

const ROLE_ORDER = { teacher: 0, student: 1, observer: 2 };

/**
 * Teacher first, then students (floor, then raised hands, then weak connections, then arrival order), then
 * observers. isWeak(participantId) tells weak connections (the teacher's view); by default none is.
 */
export function sortParticipants(participants, isWeak = () => false) {
  return participants
    .map((participant, index) => ({ participant, index, weak: isWeak(participant.id) }))
    .sort((a, b) => {
      const role = (ROLE_ORDER[a.participant.role] ?? 3) - (ROLE_ORDER[b.participant.role] ?? 3);
      if (role !== 0) return role;
      const floor = Number(Boolean(b.participant.hasFloor)) - Number(Boolean(a.participant.hasFloor));
      if (floor !== 0) return floor;
      const hand = Number(Boolean(b.participant.handRaised)) - Number(Boolean(a.participant.handRaised));
      if (hand !== 0) return hand;
      const weak = Number(b.weak) - Number(a.weak);
      return weak !== 0 ? weak : a.index - b.index;
    })
    .map((entry) => entry.participant);
}

/**
 * @param list the <ul>
 * @param state session state
 * @param onAction (action, participant) for 'floor', 'mute', 'remove' (teacher only)
 */
export function renderParticipants(list, state, onAction) {
  if (!list.dataset.wired) {
    list.dataset.wired = 'true';
    list.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-action]');
      if (!button) return;
      const participant = state.participants.find((p) => p.id === button.closest('li').dataset.participantId);
      if (participant) onAction(button.dataset.action, participant);
    });
  }
  const existing = new Map([...list.children].map((item) => [item.dataset.participantId, item]));
  const teacherView = state.role === 'teacher' && state.joined;
  const isWeak = (id) => teacherView && Boolean(state.weakLinks[id]?.weak);
  sortParticipants(state.participants, isWeak).forEach((participant, index) => {
    const quality = state.quality[participant.id] ?? null;
    const view = {
      participant,
      self: participant.id === state.participantId,
      speaking: state.activeSpeaker === participant.id,
      teacherView,
      weak: isWeak(participant.id) && participant.role === 'student',
      hasQuality: quality !== null,
      lang: currentLanguage(),
    };
    const signature = JSON.stringify(view);
    let item = existing.get(participant.id);
    existing.delete(participant.id);
    if (!item || item.dataset.signature !== signature) {
      const fresh = buildItem(view);
      fresh.dataset.signature = signature;
      if (item) replacePreservingFocus(item, fresh);
      item = fresh;
    }
    if (quality) renderQuality(item.querySelector('.quality'), quality, { audioOnly: Boolean(participant.audioOnly) });
    if (list.children[index] !== item) list.insertBefore(item, list.children[index] ?? null);
  });
  for (const item of existing.values()) item.remove();
}

function buildItem({ participant: p, self, speaking, teacherView, weak, hasQuality }) {
  const name = p.name ?? '';
  const statuses = [];
  if (p.handRaised) statuses.push(status('hand', icons.hand, t('participant.handRaised')));
  if (speaking) statuses.push(h('span', { className: 'visually-hidden' }, t('participant.speaking')));
  if (p.role !== 'observer') {
    if (p.muted) statuses.push(status('muted', icons.micOff, t('participant.mutedByTeacher')));
    else statuses.push(status(p.microphone ? 'on' : 'off', p.microphone ? icons.mic : icons.micOff, t(p.microphone ? 'participant.micOn' : 'participant.micOff')));
    statuses.push(status(p.camera ? 'on' : 'off', p.camera ? icons.camera : icons.cameraOff, t(p.camera ? 'participant.camOn' : 'participant.camOff')));
  }
  if (p.audioOnly) statuses.push(status('audio-only', icons.audioOnly, t('participant.audioOnly')));
  if (hasQuality) statuses.push(h('span', { className: 'quality', role: 'img' }));
  const connection = participantConnection(p.connection);
  statuses.push(
    h('span', { className: 'conn-dot', 'data-state': connection, title: t(`conn.${connection}`) }, h('span', { className: 'visually-hidden' }, t(`conn.${connection}`))),
  );

  const actions = [];
  if (teacherView && !self && p.role === 'student') {
    actions.push(
      h('button', { type: 'button', className: 'button small', 'data-action': 'floor', 'aria-pressed': String(Boolean(p.hasFloor)) },
        t(p.hasFloor ? 'floor.revoke' : 'floor.grant')),
    );
    if (p.hasFloor && !p.muted) {
      actions.push(iconButton('mute', icons.micOff, t('participant.mute', { name })));
    }
  }
  if (teacherView && !self && p.role !== 'teacher') actions.push(iconButton('remove', icons.remove, t('participant.remove', { name })));

  return h(
    'li',
    {
      className: `participant${speaking ? ' speaking' : ''}${p.handRaised ? ' hand-raised' : ''}${weak ? ' weak-link' : ''}`,
      'data-participant-id': p.id,
      'data-role': p.role,
    },
    h('span', { className: 'avatar', 'aria-hidden': 'true' }, (name.trim()[0] ?? '?').toUpperCase()),
    h('span', { className: 'participant-main' },
      h('span', { className: 'participant-name' }, name, self ? h('span', { className: 'you' }, ` ${t('participant.you')}`) : null),
      h('span', { className: 'participant-role' }, t(`role.${p.role}`),
        p.hasFloor ? h('span', { className: 'floor-badge' }, icon(icons.floor), t('participant.hasFloor')) : null,
        weak ? h('span', { className: 'weak-badge' }, h('span', { 'aria-hidden': 'true' }, '!'), t('participant.weakLink')) : null)),
    h('span', { className: 'participant-status' }, statuses),
    actions.length ? h('span', { className: 'participant-actions' }, actions) : null,
  );
}

function status(kind, svg, label) {
  return h('span', { className: `status status-${kind}`, title: label }, icon(svg), h('span', { className: 'visually-hidden' }, label));
}

function iconButton(action, svg, label) {
  return h('button', { type: 'button', className: 'button small icon-only', 'data-action': action, 'aria-label': label, title: label }, icon(svg));
}

function replacePreservingFocus(old, fresh) {
  const focused = old.contains(document.activeElement) ? document.activeElement.dataset.action : null;
  old.replaceWith(fresh);
  if (focused) fresh.querySelector(`[data-action="${focused}"]`)?.focus();
}
