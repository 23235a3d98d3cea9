// The users tab of the administration page: the organisation's accounts, creating one (with a role and group), and
// a panel for one account: profile, status, credentials reset, roles (with history), children, deletion.
import { t } from './i18n.js';
import { $, h } from './dom.js';
import { api } from './api.js';

export const ROLES = ['teacher', 'methodist', 'tutor', 'director', 'deputy-director', 'student', 'parent', 'monitor', 'studio-staff', 'administrator'];

export class UsersTab {
  constructor({ act, showError }) {
    this.act = act;
    this.showError = showError;
    this.org = null;
    this.groups = [];
    this.list = [];
    this.selected = null;
    this.history = null;
    $('#user-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.create();
    });
  }

  async load(org, groups, visible) {
    this.org = org;
    this.selected = null;
    this.setGroups(groups);
    this.list = visible ? (await api('GET', `api/orgs/${org.id}/users`)).users : [];
    this.render();
  }

  setGroups(groups) {
    this.groups = groups;
    this.renderSelects();
  }

  groupName(id) {
    return this.groups.find((g) => g.id === id)?.name ?? '';
  }

  roleLabel(r) {
    return r.groupId ? `${t(`accountRole.${r.role.replace(/-/g, '_')}`)} (${this.groupName(r.groupId)})` : t(`accountRole.${r.role.replace(/-/g, '_')}`);
  }

  renderSelects() {
    const roleOptions = () => ROLES.map((r) => h('option', { value: r }, t(`accountRole.${r.replace(/-/g, '_')}`)));
    const groupOptions = () => [h('option', { value: '' }, t('admin.wholeOrganisation')), ...this.groups.map((g) => h('option', { value: g.id }, g.name))];
    $('#user-role').replaceChildren(...roleOptions());
    $('#user-group').replaceChildren(...groupOptions());
    return { roleOptions, groupOptions };
  }

  render() {
    const { roleOptions, groupOptions } = this.renderSelects();
    const header = h('tr', {}, ['signin.login', 'admin.name', 'admin.roles', 'admin.status'].map((k) => h('th', {}, t(k))));
    $('#user-table').replaceChildren(h('thead', {}, header), h('tbody', {}, this.list.map((u) => h('tr', { 'data-user-id': u.id },
      h('td', {}, h('button', { type: 'button', className: 'link', onclick: () => this.open(u.id) }, u.login)),
      h('td', {}, u.displayName),
      h('td', {}, u.roles.map((r) => this.roleLabel(r)).join(', ')),
      h('td', {}, t(`admin.status.${u.status}`))))));
    this.renderPanel(roleOptions, groupOptions);
  }

  async create() {
    const body = {
      login: $('#user-login').value.trim(),
      displayName: $('#user-name').value.trim(),
      email: $('#user-email').value.trim() || null,
      birthDate: $('#user-birth').value || null,
      roles: [{ role: $('#user-role').value, groupId: $('#user-group').value || null }],
    };
    if ($('#user-password').value) body.password = $('#user-password').value;
    const created = await this.act(() => api('POST', `api/orgs/${this.org.id}/users`, body), () => this.reload());
    if (!created) return;
    for (const id of ['#user-login', '#user-name', '#user-email', '#user-birth', '#user-password']) $(id).value = '';
    this.notice(created.initialPassword ? t('admin.createdWithPassword', { login: created.login, password: created.initialPassword })
      : t('admin.created', { login: created.login }));
  }

  notice(text) {
    $('#user-result').hidden = !text;
    $('#user-result').textContent = text ?? '';
  }

  async reload() {
    this.list = (await api('GET', `api/orgs/${this.org.id}/users`)).users;
    this.render();
  }

  async open(id) {
    this.selected = id;
    this.history = null;
    this.notice(null);
    this.render();
    $('#user-panel').scrollIntoView?.({ block: 'nearest' });
  }

  renderPanel(roleOptions, groupOptions) {
    const u = this.list.find((x) => x.id === this.selected);
    const panel = $('#user-panel');
    panel.hidden = !u;
    if (!u) return;
    const field = (key, value, type = 'text') => h('input', { type, value: value ?? '', 'aria-label': t(key), placeholder: t(key) });
    const name = field('admin.name', u.displayName);
    const email = field('admin.email', u.email, 'email');
    const birth = field('admin.birthDate', u.birthDate, 'date');
    const role = h('select', { 'aria-label': t('admin.role') }, roleOptions());
    const group = h('select', { 'aria-label': t('lessons.group') }, groupOptions());
    const children = this.list.filter((x) => x.id !== u.id);
    const child = h('select', { 'aria-label': t('admin.child') }, children.map((c) => h('option', { value: c.id }, `${c.displayName} (${c.login})`)));
    const run = (request) => this.act(request, () => this.reload());
    panel.replaceChildren(
      h('h2', {}, `${u.displayName} (${u.login})`),
      h('div', { className: 'inline-form' }, name, email, birth,
        h('button', { type: 'button', className: 'button', 'data-action': 'save', onclick: () => run(() => api('PATCH', `api/users/${u.id}`,
          { displayName: name.value.trim(), email: email.value.trim() || null, birthDate: birth.value || null })) }, t('admin.save'))),
      h('ul', { className: 'chips' }, u.roles.map((r) => h('li', {}, this.roleLabel(r),
        h('button', { type: 'button', className: 'button small', 'aria-label': t('admin.revoke'), onclick: () => run(() =>
          api('POST', `api/users/${u.id}/roles/revoke`, { role: r.role, groupId: r.groupId })) }, '×')))),
      h('div', { className: 'inline-form' }, role, group,
        h('button', { type: 'button', className: 'button', 'data-action': 'grant', onclick: () => run(() =>
          api('POST', `api/users/${u.id}/roles`, { role: role.value, groupId: group.value || null })) }, t('admin.grant'))),
      u.roles.some((r) => r.role === 'parent') ? h('div', { className: 'inline-form' }, child,
        h('button', { type: 'button', className: 'button', onclick: () => run(() => api('POST', `api/users/${u.id}/children`,
          { childId: child.value, linked: true })) }, t('admin.linkChild'))) : null,
      h('div', { className: 'actions' },
        h('button', { type: 'button', className: 'button', 'data-action': 'status', onclick: () => run(() => api('PATCH', `api/users/${u.id}`,
          { status: u.status === 'active' ? 'disabled' : 'active' })) }, t(u.status === 'active' ? 'admin.disable' : 'admin.enable')),
        h('button', { type: 'button', className: 'button', 'data-action': 'reset-password', onclick: async () => {
          const r = await this.act(() => api('POST', `api/users/${u.id}/reset-credentials`, { newPassword: true }));
          if (r) this.notice(t('admin.newPassword', { login: u.login, password: r.initialPassword }));
        } }, t('admin.resetPassword')),
        h('button', { type: 'button', className: 'button', onclick: () => run(() => api('POST', `api/users/${u.id}/reset-credentials`, { totp: true })) },
          t('admin.resetTotp')),
        h('button', { type: 'button', className: 'button', onclick: async () => {
          this.history = (await this.act(() => api('GET', `api/users/${u.id}/roles/history`)))?.history ?? [];
          this.render();
        } }, t('admin.history')),
        h('button', { type: 'button', className: 'button danger', 'data-action': 'delete', onclick: () => {
          if (confirm(t('admin.confirmDelete', { login: u.login }))) {
            this.selected = null;
            run(() => api('DELETE', `api/users/${u.id}`));
          }
        } }, t('admin.delete'))),
      this.history ? h('ul', { className: 'hint' }, this.history.map((c) => h('li', {},
        `${new Date(c.at).toLocaleString()} · ${t(c.change === 'granted' ? 'admin.granted' : 'admin.revoked')} · ${this.roleLabel(c)}`))) : null);
  }
}
