// MediaSession against a fake RTCPeerConnection and a fake SFU: publish/subscribe lists, simulcast encodings, one
// offer at a time with folded changes, reuse of inactive transceivers, rollback on refusal, restart on rejoin.
// Run: node signalling/src/test/js/media-negotiation.test.mjs
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { FakePeerConnection, FakeSignalling, FakeTrack } from './lib/fake-peer-connection.mjs';
import { MediaSession, CAMERA_ENCODINGS } from '../../main/resources/webroot/js/media.js';
import { ProtocolError } from '../../main/resources/webroot/js/signalling.js';

globalThis.RTCPeerConnection = FakePeerConnection;

const track = (participantId, source) => ({
  trackId: `${participantId}:${source}`,
  participantId,
  kind: source === 'microphone' ? 'audio' : 'video',
  source,
});

let signalling;
let errors;
let media;

beforeEach(() => {
  signalling = new FakeSignalling();
  errors = [];
  media = new MediaSession(signalling, { onError: (error, context) => errors.push({ code: error.code, context }) });
  media.start('me');
});

const lastOffer = () => signalling.offers.at(-1);
const midOf = (list, key, value) => list.find((entry) => entry[key] === value)?.mid;

test('publishing camera and microphone offers both with simulcast q/h/f on the camera', async () => {
  media.publish('microphone', new FakeTrack('audio'));
  await media.publish('camera', new FakeTrack('video'));
  assert.equal(signalling.offers.length, 1, 'both sources folded into one offer');
  const offer = lastOffer();
  assert.deepEqual(offer.publish.map((p) => p.source).sort(), ['camera', 'microphone']);
  assert.deepEqual(offer.subscribe, []);
  const camera = media.pc.getTransceivers().find((t) => t.mid === midOf(offer.publish, 'source', 'camera'));
  assert.equal(camera.direction, 'sendonly');
  assert.deepEqual(camera.sendEncodings.map((e) => [e.rid, e.scaleResolutionDownBy, e.maxBitrate]), [
    ['q', 4, 150000],
    ['h', 2, 500000],
    ['f', 1, 1500000],
  ]);
  assert.equal(CAMERA_ENCODINGS.length, 3);
  assert.equal(errors.length, 0);
});

test('subscribes to every remote track but never to its own, and maps mids to track ids', async () => {
  await media.setRemoteTracks([track('t1', 'camera'), track('t1', 'microphone'), track('me', 'camera')]);
  const offer = lastOffer();
  assert.deepEqual(offer.subscribe.map((s) => s.trackId).sort(), ['t1:camera', 't1:microphone']);
  assert.deepEqual(offer.publish, []);
  const cameraMid = midOf(offer.subscribe, 'trackId', 't1:camera');
  const transceiver = media.pc.getTransceivers().find((t) => t.mid === cameraMid);
  assert.equal(media.remoteTrack('t1:camera'), transceiver.receiver.track);
  assert.equal(media.remoteTrack('t1:camera').kind, 'video');
  assert.equal(media.remoteTrack('me:camera'), null);
  assert.equal(media.pc.trackEvents, 2);
});

test('an unchanged remote set does not renegotiate', async () => {
  await media.setRemoteTracks([track('t1', 'camera')]);
  await media.setRemoteTracks([track('t1', 'camera'), track('me', 'microphone')]);
  assert.equal(signalling.offers.length, 1);
});

test('a vanished track leaves its transceiver inactive; a later track of the same kind reuses it', async () => {
  await media.setRemoteTracks([track('t1', 'camera'), track('s1', 'camera')]);
  const studentMid = midOf(lastOffer().subscribe, 'trackId', 's1:camera');
  await media.setRemoteTracks([track('t1', 'camera')]);
  assert.deepEqual(lastOffer().subscribe.map((s) => s.trackId), ['t1:camera']);
  const freed = media.pc.getTransceivers().find((t) => t.mid === studentMid);
  assert.equal(freed.direction, 'inactive');
  assert.equal(freed.currentDirection, 'inactive');
  assert.equal(media.remoteTrack('s1:camera'), null);

  await media.setRemoteTracks([track('t1', 'camera'), track('s2', 'camera')]);
  assert.equal(midOf(lastOffer().subscribe, 'trackId', 's2:camera'), studentMid, 'same m-line reused');
  assert.equal(media.pc.getTransceivers().length, 2, 'no new transceiver');
  assert.equal(freed.direction, 'recvonly');
  assert.equal(media.remoteTrack('s2:camera'), freed.receiver.track);
});

test('an audio track never reuses a video m-line', async () => {
  await media.setRemoteTracks([track('s1', 'camera')]);
  await media.setRemoteTracks([]);
  await media.setRemoteTracks([track('s2', 'microphone')]);
  const kinds = media.pc.getTransceivers().map((t) => t.kind).sort();
  assert.deepEqual(kinds, ['audio', 'video']);
});

test('one offer in flight: changes made meanwhile are folded into exactly one next offer', async () => {
  signalling.hold();
  const first = media.setRemoteTracks([track('t1', 'camera')]);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(signalling.offers.length, 1);
  media.setRemoteTracks([track('t1', 'camera'), track('t1', 'screen')]);
  media.setRemoteTracks([track('t1', 'camera'), track('t1', 'screen'), track('t1', 'microphone')]);
  assert.equal(signalling.offers.length, 1, 'nothing sent while the first answer is pending');
  signalling.release();
  await first;
  assert.equal(signalling.offers.length, 2);
  assert.deepEqual(lastOffer().subscribe.map((s) => s.trackId).sort(), ['t1:camera', 't1:microphone', 't1:screen']);
  assert.equal(media.pc.signalingState, 'stable');
});

test('a refused offer is rolled back, reported, and retried with the next change', async () => {
  signalling.failNext = new ProtocolError('BAD_SDP', 'no codec');
  await media.setRemoteTracks([track('t1', 'camera')]);
  assert.deepEqual(errors, [{ code: 'BAD_SDP', context: 'negotiation' }]);
  assert.equal(media.pc.signalingState, 'stable');
  assert.equal(media.remoteTrack('t1:camera'), null);
  await media.setRemoteTracks([track('t1', 'camera'), track('t1', 'microphone')]);
  assert.equal(signalling.offers.length, 2);
  assert.deepEqual(lastOffer().subscribe.map((s) => s.trackId).sort(), ['t1:camera', 't1:microphone']);
  assert.ok(media.remoteTrack('t1:camera'));
});

test('unpublish tells the server, drops the mid from publish, and a later publish reuses the sender', async () => {
  await media.publish('screen', new FakeTrack('video'));
  const screenMid = midOf(lastOffer().publish, 'source', 'screen');
  await media.unpublish('screen');
  assert.deepEqual(signalling.sent, [{ type: 'unpublish', source: 'screen' }]);
  assert.deepEqual(lastOffer().publish, []);
  const sender = media.pc.getTransceivers().find((t) => t.mid === screenMid);
  assert.equal(sender.direction, 'inactive');
  assert.equal(sender.sender.track, null);
  const again = new FakeTrack('video');
  await media.publish('screen', again);
  assert.equal(midOf(lastOffer().publish, 'source', 'screen'), screenMid);
  assert.equal(sender.direction, 'sendonly');
  assert.equal(sender.sender.track, again);
  assert.equal(sender.sendEncodings[0].maxBitrate, 1200000);
});

test('replacing the camera track (camera off/on) needs no renegotiation', async () => {
  await media.publish('camera', new FakeTrack('video'));
  const offers = signalling.offers.length;
  await media.replaceTrack('camera', null);
  const next = new FakeTrack('video');
  await media.replaceTrack('camera', next);
  assert.equal(signalling.offers.length, offers);
  assert.equal(media.localTrack('camera'), next);
});

test('start() after a rejoin opens a new connection and republishes the local sources', async () => {
  await media.publish('camera', new FakeTrack('video'));
  await media.setRemoteTracks([track('t1', 'camera')]);
  const old = media.pc;
  media.start('me2');
  assert.ok(old.closed);
  assert.notEqual(media.pc, old);
  await media.setRemoteTracks([track('me', 'camera'), track('me2', 'camera')]);
  const offer = lastOffer();
  assert.deepEqual(offer.publish.map((p) => p.source), ['camera']);
  assert.deepEqual(offer.subscribe.map((s) => s.trackId), ['me:camera'], 'the old id is now someone else; me2 is self');
});

test('forget() drops a source without an unpublish message', async () => {
  await media.publish('microphone', new FakeTrack('audio'));
  await media.forget('microphone');
  assert.deepEqual(signalling.sent, []);
  assert.deepEqual(lastOffer().publish, []);
  assert.equal(media.isPublishing('microphone'), false);
});
