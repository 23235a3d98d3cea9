// The signed-in part of the top bar: the pages the person may use, their name and "Sign out".
import { t, onLanguageChange } from './i18n.js';
import { h } from './dom.js';
import { pagesFor, signOut } from './api.js';

export function mountAccountBar(container, user) {
  const render = () => {
    const here = location.pathname.split('/').pop();
    container.replaceChildren(
      ...pagesFor(user).map(({ page, key }) => h('a', { href: page, className: page === here ? 'nav-link current' : 'nav-link',
        'aria-current': page === here ? 'page' : null }, t(key))),
      h('span', { className: 'account-name', id: 'account-name' }, user.displayName),
      h('button', { type: 'button', className: 'button small', id: 'sign-out', onclick: signOut }, t('nav.signOut')),
    );
  };
  container.classList.add('account-bar');
  onLanguageChange(render);
  render();
}
