// Recovery and departure in headless Chromium against the fake server: a failed media transport leads to a rejoin
// (the fake SFU's candidate never answers STUN, so ICE fails after its timeouts), a dropped WebSocket leads to a
// rejoin that restores the lesson, and Leave ends the session with a "join again" screen.
// Run: node signalling/src/test/js/reconnect.test.mjs      (about 30 s)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeServer } from './fake-sabaq-server.mjs';
import { launchChromium } from './lib/chromium.mjs';

let failing;
let healthy;
let chromium;
const pages = [];

before(async () => {
  failing = await startFakeServer({ failingMedia: true });
  healthy = await startFakeServer();
  chromium = await launchChromium({ extraArgs: ['--autoplay-policy=no-user-gesture-required'] });
});

after(async () => {
  await chromium?.close();
  await failing?.close();
  await healthy?.close();
});

async function lessonOn(server, title, teacherName) {
  const response = await fetch(`${server.url}/api/lessons`, { method: 'POST', body: JSON.stringify({ title, teacherName }) });
  assert.equal(response.status, 201);
  return response.json();
}

async function open(url, name) {
  const page = await chromium.newPage(url, name);
  pages.push(page);
  return page;
}

test('a failed media connection leads to a rejoin that republishes and is resubscribed', { timeout: 120_000 }, async () => {
  const lesson = await lessonOn(failing, 'Physics', 'Berik');
  const teacher = await open(`${lesson.teacherUrl}&lang=en`, 'failing-teacher');
  await teacher.waitFor(`window.sabaq?.lastOffer()?.publish.length === 2`);
  const firstId = await teacher.evaluate('window.sabaq.state.participantId');
  const student = await open(`${lesson.studentUrl}&name=Aruzhan&lang=en`, 'failing-student');
  await student.waitFor(`window.sabaq?.subscriptions().filter((s) => s.participantId === '${firstId}').length === 2`);

  await teacher.waitFor(`window.sabaq.state.participantId !== '${firstId}' && window.sabaq.state.joined`, { timeoutMs: 70_000, what: 'the teacher to rejoin after the ICE failure' });
  const secondId = await teacher.evaluate('window.sabaq.state.participantId');
  await teacher.waitFor(`window.sabaq.lastOffer()?.publish.length === 2`);
  assert.ok(failing.messages.some((m) => m.from === null && m.message.type === 'join' && m.message.clientId), 'the rejoin carries the clientId');
  await student.waitFor(
    `window.sabaq.subscriptions().filter((s) => s.participantId === '${secondId}' && s.currentDirection === 'recvonly').length === 2`,
    { timeoutMs: 20_000, what: 'the student to subscribe to the rejoined teacher' },
  );
  assert.ok(!(await student.evaluate('window.sabaq.state.participants.map((p) => p.id)')).includes(firstId), 'the old teacher entry is gone');
});

test('a dropped WebSocket shows Reconnecting, then rejoins and restores the lesson', async () => {
  const lesson = await lessonOn(healthy, 'Chemistry', 'Gulnara');
  const teacher = await open(`${lesson.teacherUrl}&lang=en`, 'teacher');
  await teacher.waitFor(`window.sabaq?.lastOffer()?.publish.length === 2`);
  const teacherId = await teacher.evaluate('window.sabaq.state.participantId');
  await teacher.evaluate(`window.sabaq.sendChat('Page 42')`);
  const student = await open(`${lesson.studentUrl}&name=Timur&lang=en`, 'student');
  await student.waitFor(`window.sabaq?.state.joined && window.sabaq.state.chat.length === 1`);
  const firstId = await student.evaluate('window.sabaq.state.participantId');
  assert.equal(await student.evaluate('window.sabaq.setAudioOnly(true)'), true);
  await student.evaluate(`window.connections = []; setInterval(() => window.connections.push(window.sabaq.state.connection), 20)`);

  healthy.dropConnection(firstId);
  await student.waitFor(`window.connections.includes('reconnecting')`, { what: 'the Reconnecting badge' });
  await student.waitFor(`window.sabaq.state.joined && window.sabaq.state.participantId !== '${firstId}'`, { what: 'the rejoin' });
  const s = await student.evaluate('JSON.parse(JSON.stringify(window.sabaq.state))');
  assert.deepEqual(s.chat.map((m) => m.text), ['Page 42']);
  assert.ok(s.participants.some((p) => p.id === s.participantId && p.name === 'Timur'));
  await student.waitFor(`window.sabaq.subscriptions().filter((x) => x.participantId === '${teacherId}' && x.currentDirection === 'recvonly').length === 2`);
  const fromRejoined = healthy.messages.filter((m) => m.from === s.participantId).map((m) => m.message);
  const receiveMode = fromRejoined.findIndex((m) => m.type === 'receive-mode' && m.audioOnly === true);
  assert.ok(receiveMode >= 0, 'audio only is sent again after the rejoin');
  assert.ok(receiveMode < fromRejoined.findIndex((m) => m.type === 'offer'), 'before the first offer, so no video is sent meanwhile');
  assert.equal(s.audioOnly, true);
  await student.waitFor(`document.querySelector('#stage-main #audio-only-panel') !== null && document.querySelectorAll('#stage .tile').length === 0`);
  await teacher.waitFor(`window.sabaq.state.participants.length === 2 && !window.sabaq.state.participants.some((p) => p.id === '${firstId}')`);
});

test('Leave ends the session and offers to join again', async () => {
  const lesson = await lessonOn(healthy, 'History', 'Serik');
  const teacher = await open(`${lesson.teacherUrl}&lang=en`, 'leave-teacher');
  await teacher.waitFor(`window.sabaq?.state.joined`);
  const student = await open(`${lesson.studentUrl}&name=Madina&lang=en`, 'leave-student');
  await student.waitFor(`window.sabaq?.state.joined`);
  await teacher.waitFor(`window.sabaq.state.participants.length === 2`);
  await student.evaluate(`document.querySelector('#btn-leave').click()`);
  await student.waitFor(`window.sabaq.state.left && !document.querySelector('#overlay').hidden`);
  assert.equal(await student.evaluate(`document.querySelector('#overlay-actions button').textContent`), 'Join again');
  assert.equal(await student.evaluate('window.sabaq.pc()'), null);
  await teacher.waitFor(`window.sabaq.state.participants.length === 1`);
  assert.ok(healthy.messages.some((m) => m.message.type === 'leave'));
});

test('no page logged an error', () => {
  assert.deepEqual(pages.flatMap((page) => page.errors.map((error) => `${page.name}: ${error}`)), []);
});
