// Unit tests of the web client's pure parts and its signalling client (with a fake WebSocket and mock timers).
// Run: node signalling/src/test/js/web-units.test.mjs
import { test, mock, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { overallConnection, participantConnection } from '../../main/resources/webroot/js/connection-status.js';
import { readParams, tokenClaims, epochMillis, webSocketUrl, lessonLink } from '../../main/resources/webroot/js/url.js';
import { SignallingClient, ProtocolError } from '../../main/resources/webroot/js/signalling.js';

class FakeWebSocket {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  static last = null;

  constructor(url) {
    this.url = url;
    this.readyState = FakeWebSocket.CONNECTING;
    this.sent = [];
    FakeWebSocket.last = this;
  }

  send(text) {
    this.sent.push(JSON.parse(text));
  }

  close() {
    this.readyState = FakeWebSocket.CLOSED;
  }

  serverOpen() {
    this.readyState = FakeWebSocket.OPEN;
    this.onopen?.();
  }

  serverSend(message) {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }

  serverClose(code) {
    this.readyState = FakeWebSocket.CLOSED;
    this.onclose?.({ code, reason: '' });
  }
}
globalThis.WebSocket = FakeWebSocket;

/** Clients opened by a test; closed after it, or their keep-alive timers would hold the process for 45 s. */
const openClients = [];
afterEach(() => {
  for (const client of openClients.splice(0)) client.close();
});

async function openClient(options) {
  const client = new SignallingClient('ws://127.0.0.1/ws', options);
  openClients.push(client);
  const connected = client.connect();
  FakeWebSocket.last.serverOpen();
  await connected;
  return { client, socket: FakeWebSocket.last };
}

const base = { finished: false, joined: true, everJoined: true, joinFailed: false, hasTransceivers: true, peer: 'connected', serverMedia: 'connected', peerEverConnected: true, mediaGaveUp: false };

test('overall connection state', () => {
  assert.equal(overallConnection(base), 'connected');
  assert.equal(overallConnection({ ...base, finished: true }), 'disconnected');
  assert.equal(overallConnection({ ...base, joined: false, everJoined: false }), 'connecting');
  assert.equal(overallConnection({ ...base, joined: false, everJoined: false, joinFailed: true }), 'disconnected');
  assert.equal(overallConnection({ ...base, joined: false }), 'reconnecting');
  assert.equal(overallConnection({ ...base, hasTransceivers: false, peer: 'new' }), 'connected');
  assert.equal(overallConnection({ ...base, peer: 'connecting', peerEverConnected: false }), 'connecting');
  assert.equal(overallConnection({ ...base, peer: 'connecting' }), 'reconnecting');
  assert.equal(overallConnection({ ...base, peer: 'disconnected' }), 'reconnecting');
  assert.equal(overallConnection({ ...base, serverMedia: 'failed' }), 'reconnecting');
  assert.equal(overallConnection({ ...base, peer: 'failed' }), 'reconnecting');
  assert.equal(overallConnection({ ...base, peer: 'failed', mediaGaveUp: true }), 'disconnected');
});

test('participant connection labels', () => {
  assert.deepEqual(
    ['new', 'connecting', 'connected', 'disconnected', 'failed', 'closed', undefined].map(participantConnection),
    ['idle', 'connecting', 'connected', 'reconnecting', 'disconnected', 'disconnected', 'idle'],
  );
});

test('URL parameters: the fragment wins over the query', () => {
  const params = readParams({ search: '?name=Query&lang=ru', hash: '#token=abc.def.ghi&name=Fragment' });
  assert.equal(params.get('token'), 'abc.def.ghi');
  assert.equal(params.get('name'), 'Fragment');
  assert.equal(params.get('lang'), 'ru');
});

test('token claims are decoded from base64url UTF-8, and junk gives null', () => {
  const payload = Buffer.from(JSON.stringify({ lsn: 'L1', role: 'student', note: 'Әйгерім ?>' })).toString('base64url');
  assert.deepEqual(tokenClaims(`eyJhbGciOiJIUzI1NiJ9.${payload}.sig`), { lsn: 'L1', role: 'student', note: 'Әйгерім ?>' });
  assert.equal(tokenClaims('not-a-jwt'), null);
  assert.equal(tokenClaims('a.%%%.c'), null);
  assert.equal(tokenClaims(`a.${Buffer.from('[1]').toString('base64url')}x.c`), null);
  assert.equal(tokenClaims(null), null);
});

test('expiry values in seconds, milliseconds or ISO text', () => {
  assert.equal(epochMillis(1_700_000_000), 1_700_000_000_000);
  assert.equal(epochMillis(1_700_000_000_000), 1_700_000_000_000);
  assert.equal(epochMillis('1700000000'), 1_700_000_000_000);
  assert.equal(epochMillis('2024-01-01T00:00:00Z'), Date.UTC(2024, 0, 1));
  assert.ok(Number.isNaN(epochMillis(undefined)));
});

test('WebSocket and lesson links follow the page origin', () => {
  assert.equal(webSocketUrl('http://127.0.0.1:8080/lesson.html#token=x'), 'ws://127.0.0.1:8080/ws');
  assert.equal(webSocketUrl('https://sabaq.kz/school/lesson.html?a=1'), 'wss://sabaq.kz/school/ws');
  assert.equal(lessonLink('a.b+c', 'https://sabaq.kz/index.html'), 'https://sabaq.kz/lesson.html#token=a.b%2Bc');
});

test('request() resolves with the reply carrying its requestId', async () => {
  const { client, socket } = await openClient();
  const reply = client.request({ type: 'join', token: 't', name: 'A' });
  const sent = socket.sent[0];
  assert.equal(sent.type, 'join');
  assert.match(sent.requestId, /^r\d+$/);
  socket.serverSend({ type: 'joined', requestId: 'other' });
  socket.serverSend({ type: 'joined', requestId: sent.requestId, participantId: 'p1' });
  assert.equal((await reply).participantId, 'p1');
});

test('a reply without requestId resolves the oldest request of that reply type', async () => {
  const { client, socket } = await openClient();
  const first = client.request({ type: 'offer', sdp: 'x', publish: [], subscribe: [] });
  socket.serverSend({ type: 'answer', sdp: 'answer-1' });
  assert.equal((await first).sdp, 'answer-1');
});

test('an error reply rejects with its code; errors for nobody reach the error handlers', async () => {
  const { client, socket } = await openClient();
  const seen = [];
  client.on('error', (message) => seen.push(message.code));
  const refused = client.request({ type: 'offer', sdp: 'x', publish: [], subscribe: [] });
  socket.serverSend({ type: 'error', code: 'BAD_SDP', message: 'no', requestId: socket.sent[0].requestId });
  await assert.rejects(refused, (error) => error instanceof ProtocolError && error.code === 'BAD_SDP');
  socket.serverSend({ type: 'error', code: 'RATE_LIMITED', message: 'slow down' });
  assert.deepEqual(seen, ['RATE_LIMITED']);
});

test('non-JSON and non-object frames are ignored', async () => {
  const { client, socket } = await openClient();
  const seen = [];
  client.on('chat', (message) => seen.push(message.text));
  socket.serverSend('not json');
  socket.serverSend('[1,2]');
  socket.serverSend({ type: 'chat', text: 'hi' });
  assert.deepEqual(seen, ['hi']);
});

test('send() resolves null when no reply comes, and request() times out', async () => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'] });
  try {
    const { client } = await openClient({ settleMs: 100, requestTimeoutMs: 500 });
    const sent = client.send({ type: 'hand', raised: true });
    const request = client.request({ type: 'join' });
    mock.timers.tick(100);
    assert.equal(await sent, null);
    mock.timers.tick(400);
    await assert.rejects(request, (error) => error.code === 'TIMEOUT');
  } finally {
    mock.timers.reset();
  }
});

test('a server close rejects pending requests with NETWORK and reports byClient=false', async () => {
  const { client, socket } = await openClient();
  const closes = [];
  client.on('close', (event) => closes.push(event.byClient));
  const pending = client.request({ type: 'join' });
  socket.serverClose(1006);
  await assert.rejects(pending, (error) => error.code === 'NETWORK');
  assert.deepEqual(closes, [false]);
  assert.equal(client.state, 'closed');
  await assert.rejects(client.send({ type: 'chat', text: 'x' }), (error) => error.code === 'NETWORK');
});

test('close() by the client reports byClient=true', async () => {
  const { client } = await openClient();
  const closes = [];
  client.on('close', (event) => closes.push(event.byClient));
  client.close();
  assert.deepEqual(closes, [true]);
});

test('keep-alive pings, and a silent socket is declared closed', async () => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'] });
  try {
    const { client, socket } = await openClient({ keepAliveMs: 1000, deadAfterMs: 2500 });
    const closes = [];
    client.on('close', (event) => closes.push(event.byClient));
    mock.timers.tick(1000);
    assert.deepEqual(socket.sent.map((m) => m.type), ['ping']);
    socket.serverSend({ type: 'pong' });
    mock.timers.tick(2000);
    assert.deepEqual(closes, [], 'a pong 2 s ago keeps it alive');
    mock.timers.tick(1000);
    assert.deepEqual(closes, [false]);
    assert.equal(client.state, 'closed');
  } finally {
    mock.timers.reset();
  }
});

const webroot = join(dirname(fileURLToPath(import.meta.url)), '../../main/resources/webroot');
const webrootFiles = (dir = webroot) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? webrootFiles(join(dir, entry.name)) : [join(dir, entry.name)]));

test('every script of the webroot parses', () => {
  const scripts = webrootFiles().filter((file) => file.endsWith('.js'));
  assert.ok(scripts.length >= 15);
  for (const file of scripts) {
    // As a module on stdin: `node --check file.js` does not report errors in ES module syntax (Node 20).
    const result = spawnSync(process.execPath, ['--input-type=module', '--check'], { input: readFileSync(file), encoding: 'utf8' });
    assert.equal(result.status, 0, `${file}: ${result.stderr}`);
  }
});

// The whole webroot holds every page (lesson, accounts, operations, recordings, monitoring); what one student downloads
// has its own, tighter budget below.
test('the web client is self-contained and small: no remote resources, no images, under 360 KB', () => {
  let total = 0;
  for (const file of webrootFiles()) {
    assert.match(file, /\.(html|js|css)$/, `unexpected asset ${file}`);
    total += statSync(file).size;
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /(src|href)="(https?:)?\/\//, `${file} loads a remote resource`);
    assert.doesNotMatch(text, /url\(\s*['"]?(https?:)?\/\//, `${file} loads a remote resource from CSS`);
    assert.doesNotMatch(text, /(import|from)\s*\(?\s*['"](https?:)?\/\//, `${file} imports a remote module`);
  }
  assert.ok(total < 360_000, `webroot is ${total} bytes`);
});

test('monitoring page helpers: durations, shares, periods, the line and export paths', async () => {
  const { clock, share, defaultPeriod, offTheLine, apiPath } = await import('../../main/resources/webroot/js/footprint-format.js');
  assert.equal(clock(0), '0:00');
  assert.equal(clock(61_400), '1:01');
  assert.equal(clock(3_725_000), '1:02:05');
  assert.equal(clock(-1), '–');
  assert.equal(clock(undefined), '–');
  assert.equal(share(0.3, 'en'), '30 %');
  assert.equal(share(0.2555, 'ru'), '25,6 %');
  assert.equal(share(null, 'kk'), '–');
  assert.deepEqual(defaultPeriod(new Date(Date.UTC(2026, 10, 23, 22, 30))), { from: '2026-11-17', to: '2026-11-23' });
  assert.equal(offTheLine({ belowSynchronousMinimum: true }), true);
  assert.equal(offTheLine({ belowSynchronousMinimum: false, aboveDistanceMaximum: false }), false);
  assert.equal(apiPath('api/x', { from: '2026-11-01', group: null, lang: 'kk', q: 'a b' }), 'api/x?from=2026-11-01&lang=kk&q=a%20b');
});

test('a student downloads under 200 KB: the lesson page and everything it loads (not the account or ops pages)', () => {
  const files = ['lesson.html', 'css/sabaq.css', 'js/lesson.js', ...importGraph('js/lesson.js')];
  const bytes = files.reduce((sum, file) => sum + statSync(join(webroot, file)).size, 0);
  assert.ok(bytes < 200_000, `the lesson page loads ${bytes} bytes`);
  assert.ok(!files.some((file) => file.includes('accounts') || file.includes('ops')), files.join(', '));
});

/** Relative module paths (from the webroot) reachable by static imports from an entry module. */
function importGraph(entry) {
  const seen = new Set();
  const pending = [entry];
  while (pending.length > 0) {
    const module = pending.pop();
    if (seen.has(module)) continue;
    seen.add(module);
    const source = readFileSync(join(webroot, module), 'utf8');
    for (const match of source.matchAll(/^import\s+(?:[^;]*?from\s+)?'(\.\/[^']+)';/gms)) {
      pending.push(join(dirname(module), match[1]));
    }
  }
  seen.delete(entry);
  return [...seen].sort();
}

test('each page preloads exactly the modules its entry script imports (no request waterfall)', () => {
  const pages = [['lesson.html', 'js/lesson.js'], ['index.html', 'js/landing.js'], ['ops.html', 'js/ops.js'],
    ['signin.html', 'js/signin.js'], ['my-lessons.html', 'js/my-lessons.js'], ['parent.html', 'js/parent.js'],
    ['admin.html', 'js/admin.js'], ['monitoring.html', 'js/monitoring.js']];
  for (const [page, entry] of pages) {
    const html = readFileSync(join(webroot, page), 'utf8');
    assert.ok(html.includes(`<script type="module" src="${entry}"></script>`), page);
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort();
    const graph = importGraph(entry);
    assert.ok(graph.length >= 6, `${page}: ${graph}`);
    assert.deepEqual(preloaded, graph, page);
  }
});

test('participants are merged by id and removed', async () => {
  const { upsertParticipant, removeParticipant } = await import('../../main/resources/webroot/js/lesson-state.js');
  const list = [];
  upsertParticipant(list, { id: 'p1', name: 'A', handRaised: false, camera: true });
  upsertParticipant(list, { id: 'p2', name: 'B' });
  upsertParticipant(list, { id: 'p1', handRaised: true });
  upsertParticipant(list, null);
  assert.deepEqual(list, [{ id: 'p1', name: 'A', handRaised: true, camera: true }, { id: 'p2', name: 'B' }]);
  removeParticipant(list, 'p1');
  removeParticipant(list, 'nobody');
  assert.deepEqual(list.map((p) => p.id), ['p2']);
});

test('chat history merges without duplicates and stays in time order', async () => {
  const { mergeChat } = await import('../../main/resources/webroot/js/lesson-state.js');
  const chat = [];
  mergeChat(chat, [{ id: 'c2', text: 'second', ts: 20 }]);
  mergeChat(chat, [{ id: 'c1', text: 'first', ts: 10 }, { id: 'c2', text: 'second again', ts: 20 }, null, { text: 'no id' }]);
  mergeChat(chat, [{ id: 'c3', text: 'third', ts: 30, extra: 'dropped' }]);
  assert.deepEqual(chat.map((m) => m.text), ['first', 'second', 'third']);
  assert.equal('extra' in chat[2], false);
});

test('account pages: same-site return pages only, pages and home by role', async () => {
  const { safeReturn, pagesFor, homeFor } = await import('../../main/resources/webroot/js/api.js');
  assert.equal(safeReturn('my-lessons.html'), 'my-lessons.html');
  assert.equal(safeReturn('admin.html'), 'admin.html');
  for (const bad of ['//evil.example/x', 'https://evil.example', 'javascript:alert(1)', 'a b', '', null, 'x'.repeat(151)]) {
    assert.equal(safeReturn(bad), null, String(bad));
  }
  const with_ = (...roles) => ({ roles: roles.map((role) => ({ role })) });
  assert.deepEqual(pagesFor(with_('student')).map((p) => p.page), ['my-lessons.html']);
  assert.deepEqual(pagesFor(with_('parent', 'teacher')).map((p) => p.page), ['my-lessons.html', 'parent.html']);
  assert.deepEqual(pagesFor(with_('monitor')).map((p) => p.page), ['admin.html', 'monitoring.html']);
  assert.equal(homeFor(with_('administrator', 'parent')), 'parent.html');
  assert.equal(homeFor(with_('administrator')), 'admin.html');
  assert.equal(homeFor(with_()), 'my-lessons.html');
});

test('extended dictionaries: account strings are found, the lesson client does not carry them', async () => {
  const { t, errorText, dictionaries } = await import('../../main/resources/webroot/js/i18n.js');
  assert.equal('signin.heading' in dictionaries.en, false);
  await import('../../main/resources/webroot/js/accounts-i18n.js');
  assert.equal(t('signin.heading'), (await import('../../main/resources/webroot/js/lang/accounts-kk.js')).default['signin.heading']);
  assert.notEqual(errorText('INVALID_CREDENTIALS'), errorText('NO_SUCH_CODE'));
});

test('watched ranges: merged, and what was reported is not reported again', async () => {
  const { mergeRanges, subtractRanges } = await import('../../main/resources/webroot/js/watched-ranges.js');
  assert.deepEqual(mergeRanges([[5000, 9000], [0, 1000], [800, 2000], [3000, 3000], [7000, 6000]]), [[0, 2000], [5000, 9000]]);
  assert.deepEqual(subtractRanges([[0, 10_000]], [[2000, 3000], [5000, 6000]]), [[0, 2000], [3000, 5000], [6000, 10_000]]);
  assert.deepEqual(subtractRanges([[0, 10_000]], [[0, 10_000]]), []);
  assert.deepEqual(subtractRanges([[1000, 2000], [4000, 8000]], [[1500, 4500]]), [[1000, 1500], [4500, 8000]]);
  assert.deepEqual(subtractRanges([[0, 1000]], []), [[0, 1000]]);
});
