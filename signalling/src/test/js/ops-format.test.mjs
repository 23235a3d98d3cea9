// Formatting and sparkline geometry of the operations page (js/ops-format.js).
// Run: node signalling/src/test/js/ops-format.test.mjs   (Node 20+, no packages)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percent, bytes, bitrate, count, duration, sparkPoints } from '../../main/resources/webroot/js/ops-format.js';

test('percentages: whole above 10 %, one decimal below, a dash when unknown', () => {
  assert.equal(percent(0.25, 'en'), '25%');
  assert.equal(percent(0.053, 'en'), '5.3%');
  assert.equal(percent(null, 'en'), '—');
  assert.equal(percent(Number.NaN, 'en'), '—');
  assert.match(percent(0.5, 'ru'), /^50\s?%$/);
});

test('bytes and bit rates pick a decimal unit', () => {
  assert.equal(bytes(512, 'en'), '512 byte');
  assert.equal(bytes(1_500_000, 'en'), '1.5 MB');
  assert.equal(bytes(84_744_572_928, 'en'), '85 GB');
  assert.equal(bytes(-1, 'en'), '—');
  assert.equal(bitrate(640_000, 'en'), '640 kb/s');
  assert.equal(bitrate(2_500_000, 'en'), '2.5 Mb/s');
  assert.equal(bitrate(undefined, 'en'), '—');
  assert.notEqual(bytes(1_500_000, 'kk'), '—');
});

test('counts and durations', () => {
  assert.equal(count(1234567, 'en'), '1,234,567');
  assert.equal(count(null, 'en'), '—');
  assert.equal(duration(42, 'en'), '42 ms');
  assert.equal(duration(65_000, 'en'), '1m 5s');
  assert.equal(duration(2 * 86_400_000 + 3 * 3_600_000 + 59_000, 'en'), '2d 3h');
  assert.equal(duration(-5, 'en'), '—');
});

test('sparkline points span the box, clamp to it and treat gaps as the bottom', () => {
  assert.equal(sparkPoints([0, 0.5, 1], 100, 10, 1), '0.0,10.0 50.0,5.0 100.0,0.0');
  assert.equal(sparkPoints([2, null, 4], 100, 10), '0.0,5.0 50.0,10.0 100.0,0.0');
  assert.equal(sparkPoints([1.5, -1], 10, 10, 1), '0.0,0.0 10.0,10.0');
  assert.equal(sparkPoints([1], 100, 10, 1), '', 'one point draws nothing');
  assert.equal(sparkPoints([null, null], 100, 10), '', 'nothing known draws nothing');
});
