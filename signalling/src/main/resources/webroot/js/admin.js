// Administration (docs/security.md): organisations, groups, users (admin-users.js), import, audit, failed sign-ins and
// export (admin-logs.js). Tabs follow the person's roles; the server decides every request anyway.
import './accounts-i18n.js';
import { initLanguage, mountLanguageSwitch, onLanguageChange, t, errorText } from './i18n.js';
import { $, h } from './dom.js';
import { api, currentUser } from './api.js';
import { mountAccountBar } from './account-bar.js';
import { UsersTab } from './admin-users.js';
import { LogsTabs } from './admin-logs.js';

/** Which tabs each role needs (a mirror of the access table, for the view only). */
const TABS_BY_ROLE = {
  administrator: ['groups', 'users', 'import', 'audit', 'failed', 'export'],
  director: ['groups', 'users', 'export'],
  'deputy-director': ['groups', 'users'],
  methodist: ['groups'],
  monitor: ['groups', 'audit', 'failed'],
};

const state = { me: null, orgs: [], org: null, groups: [], tab: null };
const errorBox = $('#page-error');
let users;
let logs;

initLanguage(new URLSearchParams(location.search).get('lang'));
mountLanguageSwitch($('#lang-switch'));
onLanguageChange(() => {
  renderGroups();
  users?.render();
  logs?.render();
});

export function showError(error) {
  errorBox.hidden = !error;
  if (error) errorBox.textContent = errorText(error.code, error.message);
}

function tabsFor(orgId) {
  const tabs = new Set();
  for (const r of state.me.roles) {
    if (state.me.platformAdmin || r.orgId === orgId) for (const tab of TABS_BY_ROLE[r.role] ?? []) tabs.add(tab);
  }
  if (state.me.platformAdmin) for (const tab of TABS_BY_ROLE.administrator) tabs.add(tab);
  return tabs;
}

function selectTab(tab) {
  state.tab = tab;
  for (const button of document.querySelectorAll('#tabs [data-tab]')) {
    button.setAttribute('aria-selected', String(button.dataset.tab === tab));
    $(`#tab-${button.dataset.tab}`).hidden = button.dataset.tab !== tab;
  }
}

async function selectOrg(orgId) {
  state.org = state.orgs.find((o) => o.id === orgId) ?? null;
  if (!state.org) return;
  const tabs = tabsFor(orgId);
  for (const button of document.querySelectorAll('#tabs [data-tab]')) button.hidden = !tabs.has(button.dataset.tab);
  selectTab(tabs.has(state.tab) ? state.tab : [...tabs][0]);
  await loadGroups();
  await users.load(state.org, state.groups, tabs.has('users'));
  logs.setOrg(state.org, users.list);
}

async function loadGroups() {
  state.groups = (await api('GET', `api/orgs/${state.org.id}/groups`)).groups;
  renderGroups();
}

function renderGroups() {
  const canEdit = tabsFor(state.org?.id).has('import');
  $('#group-form').hidden = !canEdit;
  $('#group-list').replaceChildren(...state.groups.map((group) => {
    const input = h('input', { value: group.name, maxLength: 100, disabled: !canEdit, 'aria-label': t('admin.name') });
    return h('li', { className: 'item', 'data-group-id': group.id }, input,
      canEdit ? h('button', { type: 'button', className: 'button small', onclick: () => act(() => api('PATCH',
        `api/orgs/${state.org.id}/groups/${group.id}`, { name: input.value.trim() }), loadGroups) }, t('admin.rename')) : null,
      canEdit ? h('button', { type: 'button', className: 'button small danger', onclick: () => act(() => api('DELETE',
        `api/orgs/${state.org.id}/groups/${group.id}`), loadGroups) }, t('admin.delete')) : null);
  }));
}

/** Runs a request, then a reload; shows a failure. */
export async function act(request, reload) {
  try {
    const result = await request();
    showError(null);
    if (reload) await reload();
    return result;
  } catch (error) {
    showError(error);
    return undefined;
  }
}

$('#org-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const created = await act(() => api('POST', 'api/orgs', { name: $('#org-name').value.trim() }));
  if (created) {
    $('#org-name').value = '';
    await loadOrgs(created.id);
  }
});

$('#group-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  await act(() => api('POST', `api/orgs/${state.org.id}/groups`, { name: $('#group-name').value.trim() }), loadGroups);
  $('#group-name').value = '';
  users.setGroups(state.groups);
});

for (const button of document.querySelectorAll('#tabs [data-tab]')) button.addEventListener('click', () => selectTab(button.dataset.tab));
$('#org-select').addEventListener('change', () => selectOrg($('#org-select').value).catch(showError));

async function loadOrgs(choose) {
  state.orgs = (await api('GET', 'api/orgs')).organisations;
  $('#org-select').replaceChildren(...state.orgs.map((o) => h('option', { value: o.id }, o.platform ? t('admin.platform') : o.name)));
  const first = choose ?? state.orgs.find((o) => !o.platform)?.id ?? state.orgs[0]?.id;
  if (first) {
    $('#org-select').value = first;
    await selectOrg(first);
  }
}

currentUser().then(async (me) => {
  state.me = me;
  mountAccountBar($('#account-bar'), me);
  $('#org-form').hidden = !me.platformAdmin;
  users = new UsersTab({ me, act, showError });
  logs = new LogsTabs({ showError });
  await loadOrgs();
}).catch(showError);
