// A parent's page (docs/security.md section 3): the linked children and, for a child under 16, the consent to sign
// in without the authenticator code. The server refuses it for 16 and over and records every change.
import './accounts-i18n.js';
import { initLanguage, mountLanguageSwitch, onLanguageChange, t, errorText } from './i18n.js';
import { $, h } from './dom.js';
import { api, currentUser } from './api.js';
import { mountAccountBar } from './account-bar.js';

let children = [];

initLanguage(new URLSearchParams(location.search).get('lang'));
mountLanguageSwitch($('#lang-switch'));
onLanguageChange(render);

function showError(error) {
  $('#page-error').hidden = !error;
  if (error) $('#page-error').textContent = errorText(error.code, error.message);
}

function render() {
  $('#children-empty').hidden = children.length > 0;
  $('#child-list').replaceChildren(...children.map((child) => {
    const id = `mfa-${child.id}`;
    return h('li', { className: 'item', 'data-child-id': child.id },
      h('div', { className: 'item-main' },
        h('strong', {}, child.displayName),
        h('span', { className: 'hint' }, child.birthDate ? t('parent.born', { date: child.birthDate }) : t('parent.noBirthDate')),
        h('span', { className: 'hint' }, t(child.mfaRequired ? 'parent.mfaOn' : 'parent.mfaOff'))),
      h('label', { className: 'switch', for: id },
        h('input', { type: 'checkbox', id, checked: child.mfaWaived, disabled: !child.consentPossible && !child.mfaWaived,
          onchange: (event) => consent(child, event.target) }),
        t('parent.consent')),
      child.consentPossible ? null : h('span', { className: 'hint' }, t('parent.notEligible')));
  }));
}

async function consent(child, checkbox) {
  checkbox.disabled = true;
  try {
    const updated = await api('POST', `api/me/children/${encodeURIComponent(child.id)}/mfa`, { required: !checkbox.checked });
    Object.assign(child, updated);
    showError(null);
  } catch (error) {
    showError(error);
  }
  render();
}

currentUser().then(async (me) => {
  mountAccountBar($('#account-bar'), me);
  children = (await api('GET', 'api/me/children')).children;
  render();
}).catch(showError);
