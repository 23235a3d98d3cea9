// Localisation: three complete dictionaries (Kazakh, Russian, English), the current language, and helpers that
// translate the static page (data-i18n attributes) and dynamic strings (t()). Importable from Node (no DOM at load).
import kk from './lang/kk.js';
import ru from './lang/ru.js';
import en from './lang/en.js';

export const LANGUAGES = Object.freeze(['kk', 'ru', 'en']);
export const LANGUAGE_NAMES = Object.freeze({ kk: 'Қазақша', ru: 'Русский', en: 'English' });
export const DEFAULT_LANGUAGE = 'kk';
export const dictionaries = Object.freeze({ kk, ru, en });

const STORAGE_KEY = 'sabaq.lang';
const listeners = new Set();
/** Strings only some pages need (the account pages), added by extendDictionaries(). */
const extra = { kk: {}, ru: {}, en: {} };
let current = DEFAULT_LANGUAGE;

/**
 * Adds the strings of pages beyond the lesson client ({kk, ru, en}, same keys in each), so students never download
 * them. Call it before initLanguage().
 */
export function extendDictionaries(more) {
  for (const lang of LANGUAGES) Object.assign(extra[lang], more[lang]);
}

function lookup(lang, key) {
  return dictionaries[lang][key] ?? extra[lang][key];
}

/** The first supported language among candidates such as "ru-RU", "kk", "en_GB"; null when none is supported. */
export function supportedLanguage(...candidates) {
  for (const candidate of candidates.flat()) {
    if (typeof candidate !== 'string' || candidate === '') continue;
    const base = candidate.toLowerCase().split(/[-_]/)[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return null;
}

/** Chooses the language: explicit URL parameter, then the remembered choice, then the browser's, else Kazakh. */
export function initLanguage(urlLang) {
  const browser = typeof navigator === 'undefined' ? [] : (navigator.languages?.length ? navigator.languages : [navigator.language]);
  const lang = supportedLanguage(urlLang) ?? supportedLanguage(readStored()) ?? supportedLanguage(browser) ?? DEFAULT_LANGUAGE;
  applyLanguage(lang);
  return lang;
}

export function currentLanguage() {
  return current;
}

/** Switches language on the user's request and remembers it. */
export function setLanguage(lang) {
  if (!LANGUAGES.includes(lang)) return;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage can be unavailable (private mode); the choice then lasts for this page only.
  }
  applyLanguage(lang);
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The localised string for key; {name} placeholders are replaced from params. Unknown keys fall back to English. */
export function t(key, params) {
  const text = lookup(current, key) ?? lookup('en', key) ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** A localised sentence for a protocol error code (section 2.4) or a client-side code; unknown codes get a generic text. */
export function errorText(code, serverMessage) {
  const key = `error.${code}`;
  if (lookup('en', key) === undefined) return t('error.UNKNOWN');
  if (code === 'INTERNAL' && serverMessage) return `${t(key)} (${serverMessage})`;
  return t(key);
}

/** Hour and minute of an epoch-millisecond timestamp in the current language. */
export function formatTime(epochMillis) {
  const date = new Date(epochMillis);
  try {
    return new Intl.DateTimeFormat(current, { hour: '2-digit', minute: '2-digit' }).format(date);
  } catch {
    return date.toTimeString().slice(0, 5);
  }
}

export function formatDateTime(epochMillis) {
  const date = new Date(epochMillis);
  try {
    return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  } catch {
    return date.toLocaleString();
  }
}

/**
 * Translates a DOM subtree: data-i18n="key" sets the text, data-i18n-attr="placeholder:key;aria-label:key"
 * sets attributes.
 */
export function translateTree(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':').map((part) => part.trim());
      if (attribute && key) element.setAttribute(attribute, t(key));
    }
  }
}

/** Renders the Қазақша / Русский / English switch into container and keeps it in sync. */
export function mountLanguageSwitch(container) {
  container.classList.add('lang-switch');
  container.setAttribute('role', 'group');
  const buttons = LANGUAGES.map((lang) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.lang = lang;
    button.textContent = LANGUAGE_NAMES[lang];
    button.addEventListener('click', () => setLanguage(lang));
    container.append(button);
    return button;
  });
  const sync = () => {
    container.setAttribute('aria-label', t('lang.label'));
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.lang === current));
  };
  onLanguageChange(sync);
  sync();
}

function applyLanguage(lang) {
  current = lang;
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lang;
    translateTree(document);
  }
  for (const listener of listeners) listener(lang);
}

function readStored() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
