// End-to-end flow of the web client in headless Chromium against the fake server (no SFU, no media flow): landing
// page, teacher/student/observer joins, chat (Enter key), hand, floor, screen share, mute, revoke, re-grant with
// transceiver reuse, language switch, remove, end lesson; no page may log an error.
// Run: node signalling/src/test/js/lesson-flow.test.mjs     (SCREENSHOTS=/some/dir keeps PNGs of the pages)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startFakeServer } from './fake-sabaq-server.mjs';
import { launchChromium } from './lib/chromium.mjs';

/** Screenshots are written only when SCREENSHOTS names a directory. */
const shots = process.env.SCREENSHOTS ?? null;
const screenshot = (page, name, options) => (shots ? page.screenshot(join(shots, name), options) : Promise.resolve());
let server;
let chromium;
const pages = [];

before(async () => {
  server = await startFakeServer();
  chromium = await launchChromium({ extraArgs: ['--autoplay-policy=no-user-gesture-required'] });
});

after(async () => {
  await chromium?.close();
  await server?.close();
});

async function open(url, name) {
  const page = await chromium.newPage(url, name);
  pages.push(page);
  return page;
}

const state = (page, path) => page.evaluate(`JSON.parse(JSON.stringify(window.sabaq.state${path ? `.${path}` : ''}))`);
const withFragment = (url, extra) => `${url}&${extra}`;

async function createLesson(title, teacherName) {
  const response = await fetch(`${server.url}/api/lessons`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title, teacherName }) });
  assert.equal(response.status, 201);
  return response.json();
}

test('a lesson from the landing page to the end', async (t) => {
  let links;
  let teacher;
  let student;
  let observer;
  let teacherId;
  let studentId;

  await t.test('landing page creates a lesson and shows the links', async () => {
    const landing = await open(`${server.url}/?lang=en`, 'landing');
    await landing.waitFor(`document.readyState === 'complete' && document.querySelector('#create-button').textContent === 'Create lesson'`);
    assert.equal(await landing.evaluate('document.documentElement.lang'), 'en');
    await landing.evaluate(`document.querySelector('#create-button').click()`);
    assert.equal(await landing.waitFor(`!document.querySelector('#create-error').hidden && document.querySelector('#create-error').textContent`), 'Please fill in this field');
    await landing.evaluate(`document.querySelector('#lesson-title').value = 'Алгебра 7А'; document.querySelector('#teacher-name').value = 'Әйгерім Бекова'; document.querySelector('#create-button').click()`);
    await landing.waitFor(`!document.querySelector('#result-view').hidden`);
    links = await landing.evaluate(`({ student: document.querySelector('#student-link').value, observer: document.querySelector('#observer-link').value, teacher: document.querySelector('#start-lesson').href })`);
    assert.match(links.student, /\/lesson\.html#token=[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.match(links.teacher, /#token=.+&student=.+&observer=.+/);
    await landing.evaluate(`document.querySelector('#lang-switch button[lang=ru]').click()`);
    assert.equal(await landing.evaluate(`document.querySelector('#start-lesson').textContent`), 'Начать урок');
    assert.equal(await landing.evaluate('document.documentElement.lang'), 'ru');
    await screenshot(landing, 'landing.png');
  });

  await t.test('the teacher joins and publishes camera and microphone with simulcast', async () => {
    teacher = await open(withFragment(links.teacher, 'fakeScreen=1&lang=en'), 'teacher');
    await teacher.waitFor(`window.sabaq?.state.joined && window.sabaq.lastOffer()?.publish.length === 2`);
    const offer = await teacher.evaluate('window.sabaq.lastOffer()');
    assert.deepEqual(offer.publish.map((p) => p.source).sort(), ['camera', 'microphone']);
    const sdp = await teacher.evaluate('window.sabaq.pc().localDescription.sdp');
    assert.match(sdp, /a=simulcast:send q;h;f/);
    teacherId = (await state(teacher)).participantId;
    assert.equal((await state(teacher)).role, 'teacher');
    assert.equal(await teacher.evaluate(`document.querySelector('#invite-student').value`), links.student);
    await teacher.waitFor(`document.querySelector('.stage-main .tile.mirror video').srcObject !== null`);
  });

  await t.test('a student joins by link with name= and subscribes to the teacher', async () => {
    student = await open(withFragment(links.student, 'name=Ali%20Nurlan&lang=ru'), 'student');
    await student.waitFor(`window.sabaq?.state.joined`);
    const s = await state(student);
    studentId = s.participantId;
    assert.equal(s.role, 'student');
    assert.deepEqual(s.participants.map((p) => p.name).sort(), ['Ali Nurlan', 'Әйгерім Бекова']);
    await student.waitFor(`window.sabaq.subscriptions().filter((s) => s.currentDirection === 'recvonly').length === 2`);
    const subs = await student.evaluate('window.sabaq.subscriptions()');
    assert.deepEqual(subs.map((x) => x.trackId).sort(), [`${teacherId}:camera`, `${teacherId}:microphone`]);
    await student.waitFor(`document.querySelector('.stage-main .tile[data-participant-id="${teacherId}"][data-source="camera"] video').srcObject !== null`);
    await student.waitFor(`document.querySelectorAll('#audio-sinks audio').length === 1`);
    assert.equal(await student.evaluate(`document.querySelector('#btn-hand .label').textContent`), 'Поднять руку');
    assert.equal(await student.evaluate(`document.querySelector('#btn-mic').hidden`), true);
    await teacher.waitFor(`window.sabaq.state.participants.length === 2`);
  });

  await t.test('an observer joins, sees the lesson, cannot chat or raise a hand', async () => {
    observer = await open(withFragment(links.observer, 'name=Inspector&lang=kk'), 'observer');
    await observer.waitFor(`window.sabaq?.state.joined`);
    assert.equal(await observer.evaluate('document.documentElement.lang'), 'kk');
    assert.equal(await observer.evaluate(`document.querySelector('#chat-form').hidden && !document.querySelector('#chat-observer-note').hidden`), true);
    assert.equal(await observer.evaluate(`document.querySelector('#btn-hand').hidden`), true);
    assert.equal(await observer.evaluate(`window.sabaq.sendChat('hi')`), false);
    assert.equal((await state(observer, 'lastError')).code, 'FORBIDDEN');
    await observer.waitFor(`window.sabaq.subscriptions().length === 2`);
  });

  await t.test('chat: Enter sends from the teacher, the hook sends from the student, everyone sees both', async () => {
    await teacher.evaluate(`document.querySelector('#chat-input').focus()`);
    await teacher.type('Сәлеметсіздер ме!', { enter: true });
    await student.evaluate(`window.sabaq.sendChat('Здравствуйте <b>!</b>')`);
    for (const page of [teacher, student, observer]) {
      await page.waitFor(`window.sabaq.state.chat.length === 2`);
      await page.waitFor(`document.querySelectorAll('#chat-log li').length === 2`);
    }
    const texts = await observer.evaluate(`[...document.querySelectorAll('#chat-log .chat-text')].map((p) => p.textContent)`);
    assert.deepEqual(texts, ['Сәлеметсіздер ме!', 'Здравствуйте <b>!</b>']);
    assert.equal(await observer.evaluate(`document.querySelector('#chat-log b')`), null, 'chat text is not HTML');
    assert.equal(await teacher.evaluate(`document.querySelector('#chat-input').value`), '');
  });

  await t.test('the student raises a hand with the button; the teacher sees it', async () => {
    await student.evaluate(`document.querySelector('#btn-hand').click()`);
    await teacher.waitFor(`window.sabaq.state.participants.find((p) => p.id === '${studentId}').handRaised`);
    await teacher.waitFor(`document.querySelector('li[data-participant-id="${studentId}"]').classList.contains('hand-raised')`);
    assert.equal(await student.evaluate(`document.querySelector('#btn-hand').getAttribute('aria-pressed')`), 'true');
  });

  await t.test('the teacher gives the floor; the student publishes and everyone subscribes', async () => {
    await teacher.evaluate(`document.querySelector('li[data-participant-id="${studentId}"] button[data-action="floor"]').click()`);
    await student.waitFor(`window.sabaq.state.floor && window.sabaq.lastOffer()?.publish.length === 2`);
    assert.equal(await student.evaluate(`document.querySelector('#notice-bar').textContent`), 'Вам дали слово');
    assert.equal(await student.evaluate(`document.querySelector('#btn-mic').hidden`), false);
    await teacher.waitFor(`window.sabaq.subscriptions().filter((s) => s.participantId === '${studentId}' && s.currentDirection === 'recvonly').length === 2`);
    await observer.waitFor(`window.sabaq.subscriptions().filter((s) => s.currentDirection === 'recvonly').length === 4`);
    await observer.waitFor(`document.querySelector('.stage-side .tile[data-participant-id="${studentId}"]') !== null`);
    await observer.waitFor(`window.sabaq.state.activeSpeaker === '${studentId}'`);
  });

  await t.test('screen share: main stage shows the screen, the camera moves to the side', async () => {
    assert.equal(await teacher.evaluate('window.sabaq.startScreenShare()'), true);
    await teacher.waitFor(`window.sabaq.lastOffer().publish.some((p) => p.source === 'screen')`);
    const screen = (await teacher.evaluate('window.sabaq.pc().getTransceivers().map((t) => t.sender.track?.contentHint)')).filter((hint) => hint === 'detail');
    assert.equal(screen.length, 1);
    await observer.waitFor(`document.querySelector('.stage-main .tile').dataset.source === 'screen'`);
    await observer.waitFor(`document.querySelector('.stage-side .tile[data-participant-id="${teacherId}"][data-source="camera"]') !== null`);
    await student.waitFor(`document.querySelector('.stage-main .tile').dataset.source === 'screen'`);
    await screenshot(observer, 'observer-screen-share.png');
    await screenshot(teacher, 'teacher.png');
    await screenshot(student, 'student-phone.png', { width: 390, height: 844, mobile: true });
  });

  await t.test('audio only: the toggle sends receive-mode, remote video gives way to a panel, audio stays', async () => {
    const lessonId = await student.evaluate('window.sabaq.state.lessonId');
    await student.evaluate(`document.querySelector('#btn-audio-only').click()`);
    await student.waitFor(`window.sabaq.state.audioOnly && document.querySelector('#stage-main #audio-only-panel') !== null`);
    await student.waitFor(`window.sabaq.state.participants.find((p) => p.id === '${studentId}').audioOnly === true`, { what: 'the server to confirm' });
    assert.ok(server.messages.some((m) => m.from === studentId && m.message.type === 'receive-mode' && m.message.audioOnly === true));
    assert.equal(await student.evaluate(`document.querySelector('#btn-audio-only').getAttribute('aria-pressed')`), 'true');
    assert.equal(await student.evaluate(`document.querySelector('#btn-audio-only .label').textContent`), 'Только звук');
    assert.equal(await student.evaluate(`document.querySelectorAll('#stage .tile:not([data-participant-id="${studentId}"])').length`), 0, 'no remote video element');
    assert.equal(await student.evaluate(`document.querySelectorAll('#stage-side .tile[data-participant-id="${studentId}"]').length`), 1, 'own camera preview stays');
    assert.equal(await student.evaluate(`document.querySelector('.audio-only-teacher').textContent`), 'Учитель: Әйгерім Бекова');
    assert.equal(await student.evaluate(`document.querySelector('.audio-only-screen').textContent`), 'Учитель показывает слайды (в режиме «Только звук» они не видны)');
    assert.equal(await student.evaluate(`document.querySelectorAll('#audio-sinks audio').length`), 1, 'the teacher is still heard');
    assert.equal(await student.evaluate(`localStorage.getItem('sabaq.audioOnly.${lessonId}')`), 'true');
    await teacher.waitFor(`document.querySelector('li[data-participant-id="${studentId}"] .status-audio-only') !== null`);
    await screenshot(student, 'student-audio-only.png');

    assert.equal(await student.evaluate('window.sabaq.setAudioOnly(false)'), true, 'the hook resolves once the server confirmed');
    assert.equal(await student.evaluate(`document.querySelector('#audio-only-panel')`), null);
    await student.waitFor(`document.querySelector('.stage-main .tile').dataset.source === 'screen'`);
    assert.equal(await student.evaluate(`localStorage.getItem('sabaq.audioOnly.${lessonId}')`), null);
    const audio = await student.evaluate('window.sabaq.inboundAudioStats()');
    assert.deepEqual(Object.keys(audio[0]).filter((key) => ['packetsLost', 'jitter', 'concealedSamples', 'totalSamplesReceived'].includes(key)).sort(),
      ['concealedSamples', 'jitter', 'packetsLost', 'totalSamplesReceived']);
    assert.equal(await student.evaluate('window.sabaq.selectedCandidatePair()'), null, 'the fake SFU never completes ICE');
  });

  await t.test('connection quality: own bars and weak-video notice; the teacher sees every participant, weak students flagged', async () => {
    const weak = { score: 2, lossPercent: 14.5, rttMs: 420, jitterMs: 35, availableKbps: 90, receivingVideo: false };
    server.sendQuality(studentId, weak);
    server.sendQuality(teacherId, { score: 5, lossPercent: 0, rttMs: 20, jitterMs: 2, availableKbps: 2500, receivingVideo: true });
    await student.waitFor(`window.sabaq.state.ownQuality?.score === 2 && !document.querySelector('#quality-indicator').hidden`);
    const label = await student.evaluate(`document.querySelector('#quality-indicator').getAttribute('aria-label')`);
    assert.equal(label, 'Качество связи: плохое (2/5) · потери пакетов 14,5% · задержка (RTT) 420 мс · джиттер 35 мс · доступно 90 кбит/с · видео приостановлено');
    assert.equal(await student.evaluate(`document.querySelectorAll('#quality-indicator rect.on').length`), 2);
    assert.deepEqual(await student.evaluate('Object.keys(window.sabaq.state.quality)'), [studentId], 'a student only hears about itself');
    server.sendQuality(studentId, weak);
    await student.waitFor(`window.sabaq.state.videoPaused && document.querySelector('#notice-bar').textContent.includes('Слабое соединение: видео приостановлено, звук продолжается')`);

    await teacher.waitFor(`window.sabaq.state.quality['${studentId}']?.score === 2 && window.sabaq.state.ownQuality?.score === 5`);
    const row = `li[data-participant-id="${studentId}"]`;
    await teacher.waitFor(`document.querySelector('${row}').classList.contains('weak-link') && document.querySelector('${row} .quality').dataset.score === '2'`);
    assert.equal(await teacher.evaluate(`document.querySelector('${row} .weak-badge').textContent`), '!Weak connection');
    assert.match(await teacher.evaluate(`document.querySelector('${row} .quality').getAttribute('aria-label')`), /^Connection quality: poor \(2\/5\) · packet loss 14\.5%/);
    assert.equal(await teacher.evaluate(`document.querySelector('li[data-participant-id="${teacherId}"] .quality').dataset.score`), '5');
    assert.deepEqual(await observer.evaluate('window.sabaq.state.quality'), {}, 'observers get no reports about others');
    await screenshot(teacher, 'teacher-weak-student.png');

    server.sendQuality(studentId, { ...weak, score: 4, lossPercent: 1, receivingVideo: true });
    await student.waitFor(`!window.sabaq.state.videoPaused && !document.querySelector('#notice-bar').textContent.includes('Слабое')`);
    assert.equal(await student.evaluate(`document.querySelector('#quality-indicator').dataset.score`), '4');
  });

  await t.test('mute: the student\'s microphone track is disabled and unmute works with the floor', async () => {
    // Not awaited: the hook resolves only after the 3 s in which an error reply could still come; the effect is awaited.
    await teacher.evaluate(`void window.sabaq.mute('${studentId}')`);
    await student.waitFor(`window.sabaq.state.muted`);
    assert.equal(await student.evaluate(`window.sabaq.pc().getTransceivers().find((t) => t.sender.track?.kind === 'audio').sender.track.enabled`), false);
    await teacher.waitFor(`window.sabaq.state.participants.find((p) => p.id === '${studentId}').muted`);
    await student.evaluate(`document.querySelector('#btn-mic').click()`);
    await student.waitFor(`!window.sabaq.state.muted && window.sabaq.state.local.microphone`);
    assert.equal(await student.evaluate(`window.sabaq.pc().getTransceivers().find((t) => t.sender.track?.kind === 'audio').sender.track.enabled`), true);
  });

  await t.test('revoking the floor stops the student publishing; re-granting reuses the inactive m-lines', async () => {
    const transceiversBefore = await observer.evaluate('window.sabaq.pc().getTransceivers().length');
    await teacher.evaluate(`void window.sabaq.grantFloor('${studentId}', false)`);
    await student.waitFor(`!window.sabaq.state.floor && window.sabaq.lastOffer().publish.length === 0`);
    assert.equal(await student.evaluate(`window.sabaq.pc().getTransceivers().filter((t) => t.direction === 'sendonly').length`), 0);
    assert.ok(server.messages.some((m) => m.from === studentId && m.message.type === 'unpublish'));
    await observer.waitFor(`window.sabaq.subscriptions().every((s) => s.participantId === '${teacherId}') && window.sabaq.pc().getTransceivers().filter((t) => t.currentDirection === 'inactive').length === 2`);
    await teacher.evaluate(`void window.sabaq.grantFloor('${studentId}', true)`);
    await observer.waitFor(`window.sabaq.subscriptions().filter((s) => s.participantId === '${studentId}' && s.currentDirection === 'recvonly').length === 2`);
    assert.equal(await observer.evaluate('window.sabaq.pc().getTransceivers().length'), transceiversBefore, 'no new m-lines');
  });

  await t.test('stopping the screen share returns the camera to the main stage', async () => {
    await teacher.evaluate('window.sabaq.stopScreenShare()');
    await observer.waitFor(`document.querySelector('.stage-main .tile').dataset.source === 'camera' && document.querySelector('.stage-main .tile').dataset.participantId === '${teacherId}'`);
    assert.equal(await teacher.evaluate(`document.querySelector('#btn-screen').getAttribute('aria-pressed')`), 'false');
  });

  await t.test('the language switch retranslates the lesson page', async () => {
    await student.evaluate(`document.querySelector('#lang-switch button[lang=en]').click()`);
    assert.equal(await student.evaluate('document.documentElement.lang'), 'en');
    assert.equal(await student.evaluate(`document.querySelector('#chat-heading').textContent`), 'Chat');
    assert.equal(await student.evaluate(`document.querySelector('#participants-heading').textContent`), 'Participants (3)');
    assert.equal(await student.evaluate(`document.querySelector('#connection-badge').textContent.length > 0`), true);
  });

  await t.test('the teacher removes the student, who sees a full-screen message and cannot rejoin', async () => {
    await teacher.evaluate(`document.querySelector('li[data-participant-id="${studentId}"] button[data-action="remove"]').click()`);
    await teacher.waitFor(`document.querySelector('#confirm-dialog').open`);
    await teacher.evaluate(`document.querySelector('#confirm-ok').click()`);
    await student.waitFor(`window.sabaq.state.removed && !document.querySelector('#overlay').hidden`);
    assert.equal(await student.evaluate(`document.querySelector('#overlay-title').textContent`), 'You were removed from the lesson');
    assert.equal(await student.evaluate(`window.sabaq.pc()`), null);
    await teacher.waitFor(`window.sabaq.state.participants.length === 2 && !window.sabaq.subscriptions().some((s) => s.participantId === '${studentId}')`);
    await student.evaluate('window.beforeReload = true; location.reload()');
    await student.waitFor(`!window.beforeReload && window.sabaq?.state.removed === true`, { what: 'the reloaded page to be refused (REMOVED)' });
    assert.ok(server.messages.some((m) => m.message.type === 'join' && m.message.clientId && m.from === null));
    assert.equal(await student.evaluate(`document.querySelector('#overlay').dataset.kind`), 'removed');
  });

  await t.test('ending the lesson (button + confirmation) shows the end screen everywhere', async () => {
    await teacher.evaluate(`document.querySelector('#btn-end').click()`);
    await teacher.waitFor(`document.querySelector('#confirm-dialog').open`);
    await teacher.evaluate(`document.querySelector('#confirm-ok').click()`);
    for (const page of [teacher, observer]) {
      await page.waitFor(`window.sabaq.state.lessonEnded && !document.querySelector('#overlay').hidden && window.sabaq.state.connection === 'disconnected'`);
    }
    assert.equal(await observer.evaluate(`document.querySelector('#overlay-title').textContent`), 'Сабақ аяқталды');
    assert.equal(await teacher.evaluate(`document.querySelector('#overlay-actions a').getAttribute('href')`), 'index.html');
    assert.match(await observer.evaluate(`document.querySelector('#recordings-link').getAttribute('href')`), /^recordings\.html#token=/);
    await screenshot(observer, 'observer-ended.png');
  });

  await t.test('a bad link shows a localized error without joining', async () => {
    const broken = await open(`${server.url}/lesson.html?lang=ru#token=garbage`, 'broken');
    await broken.waitFor(`window.sabaq?.state.fatalError?.code === 'TOKEN_INVALID' && !document.querySelector('#overlay').hidden`);
    assert.equal(await broken.evaluate(`document.querySelector('#overlay-text').textContent`), 'Ссылка на урок недействительна. Попросите у учителя новую ссылку.');
  });

});

test('audio blocked by the autoplay policy starts after a click on the sound button', async () => {
  const strict = await launchChromium();
  try {
    const lesson = await createLesson('Music', 'Dana Teacher');
    const teacher = await strict.newPage(`${lesson.teacherUrl}&lang=en`, 'autoplay-teacher');
    const student = await strict.newPage(`${lesson.studentUrl}&name=Dana&lang=en`, 'autoplay-student');
    pages.push(teacher, student);
    await teacher.waitFor(`window.sabaq?.lastOffer()?.publish.length === 2`);
    await student.waitFor(`!document.querySelector('#sound-button').hidden`, { what: 'the sound button' });
    assert.equal(await student.evaluate(`document.querySelector('#sound-button').textContent`), 'Click to enable sound');
    assert.equal(await student.evaluate(`document.querySelector('#audio-sinks audio').paused`), true);
    await student.clickOn('#sound-button');
    await student.waitFor(`document.querySelector('#sound-button').hidden && !document.querySelector('#audio-sinks audio').paused`, { what: 'audio playing' });
  } finally {
    await strict.close();
  }
});

test('a teacher whose camera and microphone are refused still joins, sees why, and can chat', async () => {
  const denied = await launchChromium({ denyMedia: true });
  try {
    const lesson = await createLesson('Geography', 'Yerlan');
    const teacher = await denied.newPage(`${lesson.teacherUrl}&lang=en`, 'denied-teacher');
    await teacher.waitFor(`window.sabaq?.state.joined && window.sabaq.state.mediaError === 'MEDIA_DENIED'`, { what: 'MEDIA_DENIED' });
    assert.equal(
      await teacher.evaluate(`document.querySelector('#notice-bar').textContent`),
      'No access to the camera or microphone. Allow it in the browser settings; the chat still works.',
    );
    assert.equal(await teacher.evaluate(`window.sabaq.sendChat('Camera is broken, read the chat')`), true);
    await teacher.waitFor(`window.sabaq.state.chat.length === 1`);
    assert.equal(await teacher.evaluate('window.sabaq.lastOffer()'), null, 'nothing to publish, nothing offered');
    assert.equal(await teacher.evaluate('window.sabaq.state.connection'), 'connected');
    const errors = teacher.errors.filter((error) => !error.includes('Permission'));
    assert.deepEqual(errors, []);
  } finally {
    await denied.close();
  }
});

test('no page logged an error', () => {
  const errors = pages.flatMap((page) => page.errors.map((error) => `${page.name}: ${error}`));
  assert.deepEqual(errors, []);
  if (shots) console.log(`screenshots in ${shots}`);
});
