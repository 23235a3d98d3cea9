// The chat log: keyed by message id, appended in order, re-rendered on a language change; stays scrolled to the
// newest message unless the reader scrolled up.
import { h } from './dom.js';
import { t, formatTime, currentLanguage } from './i18n.js';

export function renderChat(log, empty, state) {
  const lang = currentLanguage();
  if (log.dataset.lang !== lang) {
    log.replaceChildren();
    log.dataset.lang = lang;
  }
  const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  const existing = new Map([...log.children].map((item) => [item.dataset.messageId, item]));
  let added = false;
  state.chat.forEach((message, index) => {
    const id = String(message.id);
    let item = existing.get(id);
    existing.delete(id);
    if (!item) {
      item = buildMessage(message, message.participantId === state.participantId);
      added = true;
    }
    if (log.children[index] !== item) log.insertBefore(item, log.children[index] ?? null);
  });
  for (const item of existing.values()) item.remove();
  empty.hidden = state.chat.length > 0;
  if (added && atBottom) log.scrollTop = log.scrollHeight;
}

function buildMessage(message, mine) {
  const time = Number.isFinite(message.ts) ? h('time', { dateTime: new Date(message.ts).toISOString() }, formatTime(message.ts)) : null;
  return h(
    'li',
    { className: `chat-message${mine ? ' mine' : ''}${message.role === 'teacher' ? ' from-teacher' : ''}`, 'data-message-id': String(message.id) },
    h('div', { className: 'chat-meta' },
      h('span', { className: 'chat-name' }, message.name ?? ''),
      message.role ? h('span', { className: 'chat-role' }, t(`role.${message.role}`)) : null,
      time),
    h('p', { className: 'chat-text' }, message.text ?? ''),
  );
}
