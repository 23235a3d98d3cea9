// Unit tests of the weak-connection features of the web client: connection-quality validation, levels and the
// localized description, the teacher's weak flag and list order, the audio-only state machine and its panel, the
// LinkMonitor against a fake signalling client, and the RTCStatsReport readers.
// Run: node signalling/src/test/js/weak-link.test.mjs
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import {
  normalizeQuality, qualityLevel, qualityParts, describeQuality, nextWeakFlag, QUALITY_LEVELS, WEAK_SCORE, RECOVERY_SAMPLES,
} from '../../main/resources/webroot/js/link-quality.js';
import {
  initialReceiveMode, receiveModeStep, choiceConfirmed, videoPausedByServer, audioOnlyPanel, readAudioOnly, storeAudioOnly, SETTLE_SAMPLES,
} from '../../main/resources/webroot/js/receive-mode.js';
import { selectedCandidatePair, inboundRow } from '../../main/resources/webroot/js/webrtc-stats.js';
import { sortParticipants } from '../../main/resources/webroot/js/ui-participants.js';
import { signalBars } from '../../main/resources/webroot/js/icons.js';
import { dictionaries, LANGUAGES } from '../../main/resources/webroot/js/i18n.js';
import { createLessonState } from '../../main/resources/webroot/js/lesson-state.js';

/** localStorage for Node: the audio-only choice is remembered there. */
class MemoryStorage {
  #items = new Map();
  getItem(key) {
    return this.#items.has(key) ? this.#items.get(key) : null;
  }
  setItem(key, value) {
    this.#items.set(key, String(value));
  }
  removeItem(key) {
    this.#items.delete(key);
  }
}
globalThis.localStorage = new MemoryStorage();
const { LinkMonitor } = await import('../../main/resources/webroot/js/link-monitor.js');

const good = { score: 4, lossPercent: 1.25, rttMs: 85, jitterMs: 12, availableKbps: 850, receivingVideo: true };

/** t() of i18n.js for a fixed language, so that the tests do not depend on the current one. */
const translator = (lang) => (key, params) =>
  (dictionaries[lang][key] ?? key).replace(/\{(\w+)\}/g, (match, name) => (params && name in params ? String(params[name]) : match));

test('connection-quality values are checked and clamped', () => {
  assert.deepEqual(normalizeQuality(good), good);
  assert.equal(normalizeQuality(null), null);
  assert.equal(normalizeQuality({ lossPercent: 3 }), null, 'no score');
  assert.equal(normalizeQuality({ score: 'high' }), null);
  assert.deepEqual(normalizeQuality({ score: 9, lossPercent: 250, rttMs: -1, jitterMs: -4, availableKbps: 'x' }), {
    score: 5, lossPercent: 100, rttMs: -1, jitterMs: 0, availableKbps: -1, receivingVideo: true,
  });
  assert.equal(normalizeQuality({ score: 0.2 }).score, 1);
  assert.equal(normalizeQuality({ score: 2.6, receivingVideo: false }).score, 3);
  assert.equal(normalizeQuality({ score: 3, receivingVideo: false }).receivingVideo, false);
});

test('each score has a level and every level has a text in every language', () => {
  assert.deepEqual([1, 2, 3, 4, 5].map(qualityLevel), ['bad', 'poor', 'fair', 'good', 'excellent']);
  assert.equal(qualityLevel(0), 'bad');
  assert.equal(qualityLevel(7), 'excellent');
  for (const lang of LANGUAGES) {
    for (const level of QUALITY_LEVELS) assert.ok(`quality.level.${level}` in dictionaries[lang], `${lang} ${level}`);
    for (const part of qualityParts({ ...good, rttMs: -1, receivingVideo: false })) assert.ok(part.key in dictionaries[lang], `${lang} ${part.key}`);
  }
});

test('the quality description names level, loss, RTT, jitter and bandwidth in the page language', () => {
  assert.equal(
    describeQuality(good, translator('en'), 'en'),
    'Connection quality: good (4/5) · packet loss 1.3% · RTT 85 ms · jitter 12 ms · 850 kbit/s available',
  );
  assert.equal(
    describeQuality({ ...good, score: 2, rttMs: -1, availableKbps: -1, receivingVideo: false }, translator('ru'), 'ru'),
    'Качество связи: плохое (2/5) · потери пакетов 1,3% · задержка (RTT) ещё не измерена · джиттер 12 мс · видео приостановлено',
  );
  const kazakh = describeQuality({ ...good, score: 1, availableKbps: 1200 }, translator('kk'), 'kk');
  assert.match(kazakh, /^Байланыс сапасы: өте нашар \(1\/5\)/);
  assert.match(kazakh, /1\s200 кбит\/с/, 'grouped digits');
  const chosen = describeQuality({ ...good, receivingVideo: false }, translator('en'), 'en', { audioOnly: true });
  assert.doesNotMatch(chosen, /video paused/, 'no video is expected when the user chose audio only');
});

test('signal bars fill as many bars as the score', () => {
  for (let score = 1; score <= 5; score++) {
    const svg = signalBars(score);
    assert.equal((svg.match(/class="on"/g) ?? []).length, score);
    assert.equal((svg.match(/<rect /g) ?? []).length, 5);
  }
  assert.equal((signalBars('<script>').match(/class="on"/g) ?? []).length, 0, 'not a number gives empty bars');
});

test('the weak flag is set at once and cleared only after several better samples', () => {
  const weak = { ...good, score: WEAK_SCORE };
  let flag = nextWeakFlag(undefined, good);
  assert.deepEqual(flag, { weak: false, calm: 0 });
  flag = nextWeakFlag(flag, weak);
  assert.equal(flag.weak, true);
  for (let i = 1; i < RECOVERY_SAMPLES; i++) {
    flag = nextWeakFlag(flag, good);
    assert.equal(flag.weak, true, `still weak after ${i} good samples`);
  }
  flag = nextWeakFlag(flag, { ...good, score: 3 });
  assert.deepEqual(flag, { weak: false, calm: 0 });
  flag = nextWeakFlag(nextWeakFlag(nextWeakFlag(flag, weak), good), { ...good, score: 1 });
  assert.deepEqual(flag, { weak: true, calm: 0 }, 'a weak sample restarts the recovery');
});

test('the teacher sees weak students after raised hands and before the others', () => {
  const people = [
    { id: 's1', role: 'student' },
    { id: 'o1', role: 'observer' },
    { id: 's2', role: 'student' },
    { id: 's3', role: 'student', handRaised: true },
    { id: 't1', role: 'teacher' },
    { id: 's4', role: 'student' },
    { id: 's5', role: 'student', hasFloor: true },
  ];
  const weak = new Set(['s4', 's2', 'o1']);
  assert.deepEqual(sortParticipants(people, (id) => weak.has(id)).map((p) => p.id), ['t1', 's5', 's3', 's2', 's4', 's1', 'o1']);
  assert.deepEqual(sortParticipants(people).map((p) => p.id), ['t1', 's5', 's3', 's1', 's2', 's4', 'o1']);
});

/** Applies events in order; returns the last mode and every message sent. */
function run(mode, ...events) {
  const sent = [];
  for (const event of events) {
    const result = receiveModeStep(mode, event);
    mode = result.mode;
    if (result.send) sent.push(result.send);
  }
  return { mode, sent };
}

test('audio only: chosen before joining, it is sent once on join and confirmed by the server', () => {
  let { mode, sent } = run(initialReceiveMode(false), { type: 'choose', audioOnly: true });
  assert.equal(mode.chosen, true);
  assert.deepEqual(sent, [], 'not connected: nothing to send yet');
  ({ mode, sent } = run(mode, { type: 'joined', audioOnly: false }));
  assert.deepEqual(sent, [{ type: 'receive-mode', audioOnly: true }]);
  assert.equal(choiceConfirmed(mode), false);
  ({ mode, sent } = run(mode, { type: 'confirmed', audioOnly: true }, { type: 'choose', audioOnly: true }));
  assert.equal(choiceConfirmed(mode), true);
  assert.deepEqual(sent, [], 'the same choice again sends nothing');
});

test('audio only is sent again after every rejoin, and nothing is sent when video is wanted', () => {
  const remembered = initialReceiveMode(true);
  const { sent } = run(remembered, { type: 'joined', audioOnly: false }, { type: 'confirmed', audioOnly: true }, { type: 'closed' }, { type: 'joined', audioOnly: false });
  assert.deepEqual(sent, [{ type: 'receive-mode', audioOnly: true }, { type: 'receive-mode', audioOnly: true }]);
  assert.deepEqual(run(initialReceiveMode(false), { type: 'joined', audioOnly: false }).sent, []);
  assert.deepEqual(run(initialReceiveMode(false), { type: 'joined', audioOnly: true }).sent, [{ type: 'receive-mode', audioOnly: false }]);
});

test('a quick on-off sends both changes and is confirmed only when the server caught up', () => {
  let { mode, sent } = run(initialReceiveMode(false), { type: 'joined', audioOnly: false }, { type: 'choose', audioOnly: true }, { type: 'choose', audioOnly: false });
  assert.deepEqual(sent.map((m) => m.audioOnly), [true, false]);
  assert.equal(choiceConfirmed(mode), false, 'false is on its way');
  ({ mode } = run(mode, { type: 'confirmed', audioOnly: false }));
  assert.equal(choiceConfirmed(mode), false, 'an update about something else (a hand) is no confirmation');
  ({ mode } = run(mode, { type: 'confirmed', audioOnly: true }));
  assert.equal(choiceConfirmed(mode), false);
  ({ mode } = run(mode, { type: 'confirmed', audioOnly: false }));
  assert.equal(choiceConfirmed(mode), true);
});

test('a refused receive-mode returns the choice to what the server has', () => {
  const { mode } = run(initialReceiveMode(false), { type: 'joined', audioOnly: false }, { type: 'choose', audioOnly: true }, { type: 'refused' });
  assert.equal(mode.chosen, false);
  assert.equal(choiceConfirmed(mode), true);
  const offline = run(initialReceiveMode(false), { type: 'choose', audioOnly: true }, { type: 'refused' }).mode;
  assert.equal(offline.chosen, true, 'no connection: the choice stays for the next join');
});

test('video paused by the server is reported only when video is wanted, expected, and the change settled', () => {
  const joined = run(initialReceiveMode(false), { type: 'joined', audioOnly: false }).mode;
  const paused = { type: 'quality', receivingVideo: false };
  const flowing = { type: 'quality', receivingVideo: true };
  assert.equal(videoPausedByServer(run(joined, paused).mode, true), SETTLE_SAMPLES <= 1);
  const settled = run(joined, paused, paused).mode;
  assert.equal(videoPausedByServer(settled, true), true);
  assert.equal(videoPausedByServer(settled, false), false, 'no remote video in the lesson');
  assert.equal(videoPausedByServer(run(settled, flowing).mode, true), false, 'video resumed');
  assert.equal(videoPausedByServer(run(settled, { type: 'closed' }).mode, true), false);
  const chosen = run(settled, { type: 'choose', audioOnly: true }, paused, paused, paused).mode;
  assert.equal(videoPausedByServer(chosen, true), false, 'the user chose audio only');
  const backOn = run(chosen, { type: 'choose', audioOnly: false }, paused).mode;
  assert.equal(videoPausedByServer(backOn, true), false, 'the first sample after turning video on may be stale');
  assert.equal(videoPausedByServer(run(backOn, paused).mode, true), true);
});

test('the audio-only panel names the teacher, the speaker and who shares a screen', () => {
  const state = createLessonState();
  Object.assign(state, {
    participantId: 's1',
    teacherName: 'Aigerim (lesson)',
    participants: [
      { id: 's1', name: 'Ali', role: 'student' },
      { id: 't1', name: 'Aigerim', role: 'teacher' },
      { id: 's2', name: 'Dana', role: 'student' },
    ],
    tracks: [{ trackId: 't1:camera', participantId: 't1', kind: 'video', source: 'camera' }],
  });
  assert.deepEqual(audioOnlyPanel(state), { teacherName: 'Aigerim', speaker: null, screen: null });
  state.activeSpeaker = 's2';
  state.tracks.push({ trackId: 't1:screen', participantId: 't1', kind: 'video', source: 'screen' });
  assert.deepEqual(audioOnlyPanel(state), { teacherName: 'Aigerim', speaker: { name: 'Dana', self: false }, screen: { name: 'Aigerim', self: false, teacher: true } });
  state.activeSpeaker = 's1';
  assert.deepEqual(audioOnlyPanel(state).speaker, { name: 'Ali', self: true });
  state.participants.splice(1, 1);
  state.activeSpeaker = 'gone';
  const withoutTeacher = audioOnlyPanel(state);
  assert.equal(withoutTeacher.teacherName, null);
  assert.equal(withoutTeacher.speaker, null);
});

test('the audio-only choice is remembered per lesson', () => {
  assert.equal(readAudioOnly('L1'), false);
  storeAudioOnly('L1', true);
  assert.equal(readAudioOnly('L1'), true);
  assert.equal(readAudioOnly('L2'), false);
  storeAudioOnly('L1', false);
  assert.equal(readAudioOnly('L1'), false);
  assert.equal(readAudioOnly(null), false);
});

/** A SignallingClient stand-in: send() answers with the next scripted result (an error code or null). */
class FakeSignalling {
  sent = [];
  refuseWith = null;
  send(message) {
    this.sent.push(message);
    const code = this.refuseWith;
    return code ? Promise.reject(Object.assign(new Error(code), { code })) : new Promise(() => {});
  }
}

function monitorFor(lessonId) {
  const state = createLessonState();
  Object.assign(state, { lessonId, participantId: 'p1', participants: [{ id: 'p1', role: 'student', audioOnly: false }, { id: 'p2', role: 'student' }] });
  const signalling = new FakeSignalling();
  const errors = [];
  const monitor = new LinkMonitor(state, signalling, { onChange: () => {}, onError: (error) => errors.push(error.code) });
  return { state, signalling, errors, monitor };
}

test('LinkMonitor: setAudioOnly sends receive-mode, resolves on the server confirmation, and is remembered', async () => {
  const { state, signalling, monitor } = monitorFor('L3');
  monitor.joined(state.participants[0]);
  assert.deepEqual(signalling.sent, []);
  const accepted = monitor.setAudioOnly(true);
  assert.equal(state.audioOnly, true, 'applies at once');
  assert.deepEqual(signalling.sent, [{ type: 'receive-mode', audioOnly: true }]);
  monitor.selfUpdated({ id: 'p1', audioOnly: true });
  assert.equal(await accepted, true);
  assert.equal(readAudioOnly('L3'), true);

  const again = monitorFor('L3');
  assert.equal(again.state.audioOnly, true, 'a new page of the same lesson starts in audio only');
  again.monitor.joined({ id: 'p1', audioOnly: false });
  assert.deepEqual(again.signalling.sent, [{ type: 'receive-mode', audioOnly: true }]);
  storeAudioOnly('L3', false);
});

test('LinkMonitor: a refusal restores the server value and reports the error; offline resolves false', async () => {
  const { state, signalling, monitor, errors } = monitorFor('L4');
  monitor.joined(state.participants[0]);
  signalling.refuseWith = 'RATE_LIMITED';
  assert.equal(await monitor.setAudioOnly(true), false);
  assert.equal(state.audioOnly, false);
  assert.deepEqual(errors, ['RATE_LIMITED']);
  assert.equal(readAudioOnly('L4'), false);
  monitor.closed();
  assert.equal(await monitor.setAudioOnly(true), false, 'not connected');
  assert.equal(state.audioOnly, true, 'the choice waits for the rejoin');
  storeAudioOnly('L4', false);
});

test('LinkMonitor: a pending setAudioOnly gives up after its deadline', async () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const { state, monitor } = monitorFor('L5');
    monitor.joined(state.participants[0]);
    const pending = monitor.setAudioOnly(true);
    mock.timers.tick(10_000);
    assert.equal(await pending, false);
  } finally {
    mock.timers.reset();
    storeAudioOnly('L5', false);
  }
});

test('LinkMonitor: quality reports per participant, own quality, weak flags and video paused', () => {
  const { state, monitor } = monitorFor('L6');
  monitor.joined(state.participants[0]);
  state.tracks = [{ trackId: 'p2:camera', participantId: 'p2', kind: 'video', source: 'camera' }];
  monitor.onQuality({ participantId: 'p2', quality: { ...good, score: 1 } });
  monitor.onQuality({ participantId: 'nobody', quality: good });
  monitor.onQuality({ participantId: 'p1', quality: { score: 'bad' } });
  assert.deepEqual(Object.keys(state.quality), ['p2']);
  assert.equal(state.weakLinks.p2.weak, true);
  assert.equal(state.ownQuality, null);
  for (let i = 0; i < SETTLE_SAMPLES; i++) monitor.onQuality({ participantId: 'p1', quality: { ...good, score: 2, receivingVideo: false } });
  monitor.refresh();
  assert.equal(state.ownQuality.score, 2);
  assert.equal(state.videoPaused, true);
  monitor.onQuality({ participantId: 'p1', quality: good });
  monitor.refresh();
  assert.equal(state.videoPaused, false);
  monitor.participantLeft('p2');
  assert.deepEqual(Object.keys(state.quality), ['p1']);
  assert.equal(JSON.parse(JSON.stringify(state)).ownQuality.score, 4, 'the state stays plain data');
  monitor.closed();
  assert.deepEqual(state.quality, {});
  assert.equal(state.ownQuality, null);
});

test('the selected candidate pair is read through the transport, a selected flag or nomination', () => {
  const local = { id: 'L1', type: 'local-candidate', protocol: 'udp', candidateType: 'host', address: '10.0.0.2', port: 50000 };
  const remote = { id: 'R1', type: 'remote-candidate', protocol: 'udp', candidateType: 'host', address: '192.0.2.7', port: 3478 };
  const tcpLocal = { id: 'L2', type: 'local-candidate', protocol: 'tcp', candidateType: 'host', address: '10.0.0.2', port: 9 };
  const tcpRemote = { id: 'R2', type: 'remote-candidate', protocol: 'tcp', candidateType: 'host', ip: '192.0.2.7', port: 443 };
  const udpPair = { id: 'P1', type: 'candidate-pair', state: 'failed', nominated: false, localCandidateId: 'L1', remoteCandidateId: 'R1', currentRoundTripTime: 0.3 };
  const tcpPair = { id: 'P2', type: 'candidate-pair', state: 'succeeded', nominated: true, localCandidateId: 'L2', remoteCandidateId: 'R2', currentRoundTripTime: 0.042 };
  const report = (...stats) => new Map(stats.map((stat) => [stat.id, stat]));
  const expected = { state: 'succeeded', localProtocol: 'tcp', remoteProtocol: 'tcp', localCandidateType: 'host', remoteAddress: '192.0.2.7', remotePort: 443, currentRoundTripTime: 0.042 };

  assert.deepEqual(selectedCandidatePair(report(local, remote, tcpLocal, tcpRemote, udpPair, tcpPair)), expected, 'nominated and succeeded');
  const transport = { id: 'T1', type: 'transport', selectedCandidatePairId: 'P1' };
  assert.equal(selectedCandidatePair(report(transport, local, remote, tcpLocal, tcpRemote, udpPair, tcpPair)).remotePort, 3478, 'the transport decides');
  const firefox = { ...udpPair, selected: true };
  assert.equal(selectedCandidatePair(report(local, remote, firefox, tcpPair)).localProtocol, 'udp', 'selected flag');
  assert.equal(selectedCandidatePair(report(local, remote, udpPair)), null, 'nothing selected');
  assert.deepEqual(selectedCandidatePair(report(tcpPair)), { ...expected, localProtocol: null, remoteProtocol: null, localCandidateType: null, remoteAddress: null, remotePort: null });
});

test('inbound rows sum counters over SSRCs, keep the largest jitter and the busiest video layer size', () => {
  const stats = new Map([
    ['a1', { type: 'inbound-rtp', kind: 'audio', packetsReceived: 100, bytesReceived: 9000, packetsLost: 3, jitter: 0.004, concealedSamples: 480, totalSamplesReceived: 48000 }],
    ['a2', { type: 'inbound-rtp', kind: 'audio', packetsReceived: 50, bytesReceived: 4000, packetsLost: 1, jitter: 0.012, concealedSamples: 0, totalSamplesReceived: 24000 }],
    ['v1', { type: 'inbound-rtp', kind: 'video', packetsReceived: 70, framesDecoded: 30, frameWidth: 320, frameHeight: 180, packetsLost: 2, jitter: 0.02 }],
    ['v2', { type: 'inbound-rtp', kind: 'video', packetsReceived: 90, framesDecoded: 60, frameWidth: 640, frameHeight: 360 }],
    ['o1', { type: 'outbound-rtp', kind: 'audio', packetsSent: 5 }],
  ]);
  assert.deepEqual(inboundRow('audio', { trackId: 't:microphone' }, stats), {
    trackId: 't:microphone', packetsReceived: 150, bytesReceived: 13000, packetsLost: 4, jitter: 0.012, concealedSamples: 480, totalSamplesReceived: 72000,
  });
  assert.deepEqual(inboundRow('video', { trackId: 't:camera' }, stats), {
    trackId: 't:camera', packetsReceived: 160, bytesReceived: 0, packetsLost: 2, jitter: 0.02, framesDecoded: 90, frameWidth: 640, frameHeight: 360,
  });
  assert.deepEqual(inboundRow('audio', {}, new Map()), { packetsReceived: 0, bytesReceived: 0, packetsLost: 0, jitter: 0, concealedSamples: 0, totalSamplesReceived: 0 });
});
