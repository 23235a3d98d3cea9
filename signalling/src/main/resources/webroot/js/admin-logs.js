// The import, audit, failed sign-ins and export tabs of the administration page.
import { t, formatDateTime } from './i18n.js';
import { $, h } from './dom.js';
import { api } from './api.js';

const today = () => new Date().toISOString().slice(0, 10);
const weekAgo = () => new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);

export class LogsTabs {
  constructor({ showError }) {
    this.showError = showError;
    this.org = null;
    this.users = [];
    this.audit = null;
    this.failed = null;
    this.imported = null;
    for (const id of ['#audit-from', '#failed-from']) $(id).value = weekAgo();
    for (const id of ['#audit-to', '#failed-to']) $(id).value = today();
    $('#audit-form').addEventListener('submit', (e) => this.submit(e, () => this.loadAudit()));
    $('#failed-form').addEventListener('submit', (e) => this.submit(e, () => this.loadFailed()));
    $('#import-form').addEventListener('submit', (e) => this.submit(e, () => this.importFile()));
  }

  async submit(event, work) {
    event.preventDefault();
    try {
      await work();
      this.showError(null);
    } catch (error) {
      if (error.code === 'IMPORT_INVALID') this.imported = { errors: error.details.errors, imported: 0 };
      this.showError(error);
    }
    this.render();
  }

  setOrg(org, users) {
    this.org = org;
    this.users = users;
    this.audit = null;
    this.failed = null;
    this.imported = null;
    this.render();
  }

  async loadAudit() {
    const user = $('#audit-user').value;
    const query = new URLSearchParams({ from: $('#audit-from').value, to: $('#audit-to').value });
    if (user) query.set('user', user);
    this.audit = (await api('GET', `api/orgs/${this.org.id}/audit?${query}`)).entries;
  }

  async loadFailed() {
    const query = new URLSearchParams({ from: $('#failed-from').value, to: $('#failed-to').value });
    this.failed = (await api('GET', `api/orgs/${this.org.id}/failed-access?${query}`)).attempts;
  }

  async importFile() {
    const file = $('#import-file').files[0];
    if (!file) throw { code: 'MISSING_FIELDS' };
    const partial = $('#import-partial').checked ? '?partial=true' : '';
    this.imported = await api('POST', `api/orgs/${this.org.id}/import${partial}`, file);
  }

  login(id) {
    const u = this.users.find((x) => x.id === id);
    return u ? u.login : (id ?? '');
  }

  render() {
    if (!this.org) return;
    $('#audit-user').replaceChildren(h('option', { value: '' }, t('admin.everyone')),
      ...this.users.map((u) => h('option', { value: u.id }, `${u.displayName} (${u.login})`)));
    table('#audit-table', ['admin.when', 'admin.who', 'admin.action', 'admin.whose', 'admin.changes', 'admin.where'], this.audit, (e) => [
      formatDateTime(e.at), `${this.login(e.actorId) || t('admin.system')} (${e.actorRole ?? ''})`, e.action,
      e.subjectId ? this.login(e.subjectId) : `${e.targetType} ${e.targetId ?? ''}`,
      e.changes.map((c) => (c.redacted ? `${c.field}: ${t('admin.changed')}` : `${c.field}: ${c.before ?? '∅'} → ${c.after ?? '∅'}`)).join('; '),
      `${e.ip ?? ''} ${e.userAgent ?? ''}`]);
    table('#failed-table', ['admin.when', 'admin.kind', 'signin.login', 'admin.where', 'admin.detail'], this.failed, (a) => [
      formatDateTime(a.at), a.kind, a.login ?? '', `${a.ip ?? ''} ${a.userAgent ?? ''}`, a.detail ?? '']);
    const result = $('#import-result');
    result.replaceChildren();
    if (this.imported) {
      result.append(h('p', { className: 'notice', role: 'status' }, t('admin.importedCount', { count: this.imported.imported })));
      if (this.imported.accounts?.length) {
        result.append(table(h('table', { className: 'data-table' }), ['admin.row', 'signin.login', 'admin.initialPassword'], this.imported.accounts,
          (a) => [a.row, a.login, a.initialPassword ?? '']));
      }
      if (this.imported.errors?.length) {
        result.append(table(h('table', { className: 'data-table', id: 'import-errors' }), ['admin.row', 'admin.column', 'admin.problem'],
          this.imported.errors, (e) => [e.row, e.column ?? '', e.message]));
      }
    }
    const base = `api/orgs/${this.org.id}/export/`;
    $('#export-links').replaceChildren(...['users', 'groups', 'lessons'].flatMap((set) => ['csv', 'json'].map((format) =>
      h('a', { className: 'button', href: base + `${set}.${format}`, download: `${set}.${format}` }, `${t(`admin.export.${set}`)} (${format.toUpperCase()})`))));
  }
}

/** Fills a table (selector or element) with a header of keys and a row per item. */
function table(target, keys, items, cells) {
  const element = typeof target === 'string' ? $(target) : target;
  element.replaceChildren();
  if (!items) return element;
  element.append(h('thead', {}, h('tr', {}, keys.map((k) => h('th', {}, t(k))))),
    h('tbody', {}, items.length ? items.map((item) => h('tr', {}, cells(item).map((c) => h('td', {}, String(c)))))
      : h('tr', {}, h('td', { colSpan: keys.length }, t('admin.nothing')))));
  return element;
}
