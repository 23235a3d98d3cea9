// Runs every *.test.mjs in this folder, one after the other, and fails if any fails.
// Maven runs it in the signalling module's test phase (see signalling/pom.xml); by hand: node signalling/src/test/js/run-all.mjs
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const tests = readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort();
let failed = [];
for (const t of tests) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(here, t)], { stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) failed.push(t);
  console.log(`[web tests] ${t}: ${r.status === 0 ? 'ok' : 'FAILED'} (${secs} s)`);
}
if (tests.length === 0) {
  console.error('[web tests] no *.test.mjs found');
  process.exit(1);
}
if (failed.length) {
  console.error(`[web tests] failed: ${failed.join(', ')}`);
  process.exit(1);
}
