// The first-load transfer of the release build, held by a test (sizes are
// stable; timings are not, so they are only measured, by scripts/bench.sh).
//
// The line only ever goes down: lower HELD_LINE_KB whenever the build
// shrinks (README, "Ytelse"). The parents' page is a program of its own
// (foresatte.html), and so is the calm moment's (calm-*.js/_bg.wasm,
// src/bin/calm.rs: the drafts, practice, the plan page): neither is the staff
// app's first load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './harness.mjs';

const HELD_LINE_KB = 185;
const FIRST_LOAD = /^(index\.html|boot-.*\.js|rusplan-.*\.js|rusplan-.*_bg\.wasm|main-.*\.css|pwa\.js|load-wasm\.js|prerender\.js|manifest\.webmanifest)$/;

test(`first-load transfer is at most ${HELD_LINE_KB} kB brotli, and every file has .br and .gz beside it`, () => {
  const files = readdirSync(DIST).filter((f) => FIRST_LOAD.test(f));
  assert.ok(files.some((f) => f.endsWith('.wasm')), 'the build is there');
  let total = 0;
  for (const file of files) {
    const br = statSync(join(DIST, `${file}.br`)).size;
    const gz = statSync(join(DIST, `${file}.gz`)).size;
    assert.ok(br < statSync(join(DIST, file)).size && gz > 0, file);
    total += br;
  }
  console.log(`first-load transfer: ${(total / 1000).toFixed(1)} kB brotli`);
  assert.ok(total <= HELD_LINE_KB * 1000, `${(total / 1000).toFixed(1)} kB brotli is over the held line of ${HELD_LINE_KB} kB`);
});
