// The catalog of published courses students browse (GET /api/catalog): title, description, size, poster; each
// opens its course page.
import './studio-i18n.js';
import { initLanguage, mountLanguageSwitch, onLanguageChange, t, translateTree, formatDateTime } from '/js/i18n.js';
import { $, h } from '/js/dom.js';
import { readParams } from '/js/url.js';
import { apiGet, localized, durationText, errorMessage } from './studio-common.js';

initLanguage(readParams().get('lang'));
mountLanguageSwitch($('#lang-switch'));
const state = { courses: [], error: null };
window.sabaqCatalog = { state };
onLanguageChange(() => {
  translateTree(document);
  render();
});
translateTree(document);
load();

async function load() {
  const answer = await apiGet('/api/catalog');
  state.error = answer.apiError ?? null;
  state.courses = answer.courses ?? [];
  render();
}

function render() {
  const error = $('#catalog-error');
  error.hidden = !state.error;
  error.textContent = state.error ? errorMessage(state.error) : '';
  $('#catalog-empty').hidden = Boolean(state.error) || state.courses.length > 0;
  $('#catalog-list').replaceChildren(...state.courses.map((c) => h('li', { className: 'recording-item catalog-item', 'data-course-id': c.courseId },
    c.poster ? h('img', { className: 'catalog-poster', alt: '', loading: 'lazy',
      src: `/media/courses/${encodeURIComponent(c.courseId)}/${encodeURIComponent(c.publicationId)}/${c.poster}` }) : null,
    h('a', { href: `course.html?id=${encodeURIComponent(c.courseId)}` }, h('strong', {}, localized(c.title))),
    h('p', {}, localized(c.description)),
    h('p', { className: 'recording-meta' }, [t('catalog.lessons', { count: c.lessons }), durationText(c.durationSeconds),
      t('catalog.published', { date: formatDateTime(c.publishedAt) })].join(' · ')))));
}
