// Checks the web client's dictionaries: every language has every key, placeholders agree, every error code of
// docs/protocol.md section 2.4 has a text, and every key the pages use exists.
// Run: node signalling/src/test/js/i18n-keys.test.mjs   (Node 20+, no packages)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { dictionaries, LANGUAGES, supportedLanguage, t, errorText } from '../../main/resources/webroot/js/i18n.js';
import { accountDictionaries } from '../../main/resources/webroot/js/accounts-i18n.js';

const here = dirname(fileURLToPath(import.meta.url));
const webroot = join(here, '../../main/resources/webroot');
const protocolDoc = join(here, '../../../../docs/protocol.md');
const securityDoc = join(here, '../../../../docs/security.md');
// The lesson client's dictionaries, and the account pages' (loaded only by those pages), checked alike.
const sets = [['', dictionaries], ['accounts-', accountDictionaries]];
const english = { ...dictionaries.en, ...accountDictionaries.en };

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const filesUnder = (dir, ext) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), ext) : entry.name.endsWith(ext) ? [join(dir, entry.name)] : [],
  );

test('the three languages are kk, ru, en', () => {
  assert.deepEqual([...LANGUAGES].sort(), ['en', 'kk', 'ru']);
  assert.deepEqual(Object.keys(dictionaries).sort(), ['en', 'kk', 'ru']);
});

test('every language has every key used by another language', () => {
  for (const [, set] of sets) {
    const all = new Set(LANGUAGES.flatMap((lang) => Object.keys(set[lang])));
    for (const lang of LANGUAGES) {
      const missing = [...all].filter((key) => !(key in set[lang]));
      assert.deepEqual(missing, [], `${lang} misses keys`);
    }
  }
  const shared = Object.keys(accountDictionaries.en).filter((key) => key in dictionaries.en);
  assert.deepEqual(shared, [], 'a key lives in one dictionary only');
});

test('texts are non-empty and placeholders match English', () => {
  for (const [, set] of sets) {
    for (const [key, en] of Object.entries(set.en)) {
      for (const lang of LANGUAGES) {
        const text = set[lang][key];
        assert.equal(typeof text, 'string', `${lang} ${key}`);
        assert.ok(text.trim().length > 0, `${lang} ${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(en), `${lang} ${key} placeholders`);
      }
    }
  }
});

test('Kazakh and Russian texts are written in Cyrillic, not copied from English', () => {
  for (const lang of ['kk', 'ru']) {
    for (const [key, text] of Object.entries({ ...dictionaries[lang], ...accountDictionaries[lang] })) {
      const letters = text.replace(/\{\w+\}/g, '').replace(/Sabaq|Chrome|Firefox|Safari|https/g, '');
      if (!/[A-Za-z\u0400-\u04FF]/.test(letters)) continue;
      assert.match(letters, /[\u0400-\u04FF]/, `${lang} ${key} has no Cyrillic: ${text}`);
    }
  }
  const kazakhLetters = Object.values(dictionaries.kk).join('');
  assert.match(kazakhLetters, /[әғқңөұүһі]/, 'Kazakh uses its own letters');
});

test('each dictionary file has one quoted key per line (a Java test may read them with a regex)', () => {
  for (const [prefix, set] of sets) {
    for (const lang of LANGUAGES) {
      const source = readFileSync(join(webroot, 'js/lang', `${prefix}${lang}.js`), 'utf8');
      const lineKeys = [...source.matchAll(/^ {2}'([\w.]+)': '/gm)].map((m) => m[1]);
      assert.deepEqual(lineKeys.sort(), Object.keys(set[lang]).sort(), prefix + lang);
    }
  }
});

test('every error code of protocol section 2.4 has a text in every language', () => {
  const doc = readFileSync(protocolDoc, 'utf8');
  const section = doc.slice(doc.indexOf('### 2.4'));
  const codes = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
  assert.ok(codes.length >= 15, `found codes ${codes}`);
  for (const code of codes) {
    for (const lang of LANGUAGES) assert.ok(`error.${code}` in dictionaries[lang], `${lang} error.${code}`);
  }
});

test('every key used by the HTML pages exists', () => {
  for (const file of filesUnder(webroot, '.html')) {
    const html = readFileSync(file, 'utf8');
    const keys = [
      ...[...html.matchAll(/data-i18n="([\w.]+)"/g)].map((m) => m[1]),
      ...[...html.matchAll(/data-i18n-attr="([^"]+)"/g)].flatMap((m) => m[1].split(';').map((pair) => pair.split(':')[1].trim())),
    ];
    assert.ok(keys.length > 0, file);
    for (const key of keys) assert.ok(key in english, `${file}: ${key}`);
  }
});

test('every error code of docs/security.md section 9 and every account role has a text in every language', () => {
  const doc = readFileSync(securityDoc, 'utf8');
  const section = doc.slice(doc.indexOf('## 9.'), doc.indexOf('## 10.'));
  const codes = [...new Set([...section.matchAll(/`\d{3} ([A-Z_]+)`/g)].map((m) => m[1]))];
  assert.ok(codes.length >= 20, `found codes ${codes}`);
  const roles = ['teacher', 'methodist', 'tutor', 'director', 'deputy-director', 'student', 'parent', 'monitor', 'studio-staff', 'administrator'];
  const dynamic = [...codes.map((c) => `error.${c}`), ...roles.map((r) => `accountRole.${r.replace(/-/g, '_')}`),
    ...['live', 'ended', 'gone'].map((s) => `lessons.state.${s}`), 'admin.status.active', 'admin.status.disabled',
    ...['users', 'groups', 'lessons'].map((d) => `admin.export.${d}`)];
  for (const key of dynamic) {
    for (const lang of LANGUAGES) assert.ok(key in dictionaries[lang] || key in accountDictionaries[lang], `${lang} ${key}`);
  }
});

test('every literal key and error code used by the scripts exists', () => {
  const roles = ['teacher', 'student', 'observer'];
  const connections = ['connecting', 'connected', 'reconnecting', 'disconnected', 'idle'];
  const severities = ['info', 'warning', 'critical'];
  const opsProblems = ['ops.signIn', 'ops.forbidden', 'ops.waiting', 'ops.unavailable'];
  const dynamic = [...roles.map((r) => `role.${r}`), ...connections.map((c) => `conn.${c}`),
    ...severities.map((s) => `ops.severity.${s}`), ...opsProblems];
  for (const key of dynamic) assert.ok(key in dictionaries.en, key);
  for (const file of filesUnder(join(webroot, 'js'), '.js')) {
    if (file.includes('/lang/')) continue;
    const source = readFileSync(file, 'utf8');
    const keys = [...source.matchAll(/\b(?:t\(|key: |joinError = )'([a-z]+\.[\w.]+)'/g)].map((m) => m[1]);
    keys.push(...[...source.matchAll(/\bt\([^)]*\? '([a-z]+\.[\w.]+)' : '([a-z]+\.[\w.]+)'/g)].flatMap((m) => [m[1], m[2]]));
    for (const key of keys) assert.ok(key in english, `${file}: ${key}`);
    const codes = [...source.matchAll(/(?:Error\(|refuse\(|showFatal\(|code: |\?\? |return )'([A-Z][A-Z_]+)'/g)].map((m) => m[1]);
    for (const code of codes) assert.ok(`error.${code}` in english, `${file}: error.${code}`);
  }
});

test('language detection falls back to Kazakh', () => {
  assert.equal(supportedLanguage('ru-RU'), 'ru');
  assert.equal(supportedLanguage('en_GB'), 'en');
  assert.equal(supportedLanguage(['de-DE', 'kk-KZ']), 'kk');
  assert.equal(supportedLanguage('de', null, ''), null);
});

test('t interpolates and errorText falls back for unknown codes', () => {
  assert.equal(t('participants.heading', { count: 3 }), dictionaries.kk['participants.heading'].replace('{count}', '3'));
  assert.equal(errorText('NO_SUCH_CODE'), dictionaries.kk['error.UNKNOWN']);
  assert.ok(errorText('INTERNAL', 'incident 42').endsWith('(incident 42)'));
});
