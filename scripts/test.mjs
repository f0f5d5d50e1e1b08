#!/usr/bin/env node
// `npm test`: unit + integration tests (vitest) and, unless --unit, the browser end-to-end tests
// (Playwright). On Linux, when no Secret Service is reachable, it re-runs itself inside a private
// D-Bus session with an unlocked gnome-keyring, so the tests always use a real keychain.
// Ends with one line: "Tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reexecInKeyring } from './keyring.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const only = argv.includes('--unit') ? 'unit' : argv.includes('--e2e') ? 'e2e' : 'all';
const passThrough = argv.filter((a) => a !== '--unit' && a !== '--e2e');

reexecInKeyring();

const totals = { passed: 0, failed: 0, skipped: 0 };
const times = [];
const timed = (label, since) => times.push(`${label} ${Math.round((performance.now() - since) / 1000)} s`);
let exitCode = 0;
const work = mkdtempSync(join(tmpdir(), 'wawi-test-results-'));

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) exitCode = r.status ?? 1;
  return r.status;
}

if (only !== 'e2e') {
  const began = performance.now();
  const out = join(work, 'vitest.json');
  run(process.execPath, [
    join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
    ...passThrough,
  ]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests ?? 0;
    // A test file that failed without running a test (it did not load) counts as one failure; a file
    // whose tests failed is already counted by its tests.
    const unloaded = (r.testResults ?? []).filter(
      (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
    );
    for (const f of unloaded) console.log(`Test file did not run: ${f.name}`);
    totals.failed += (r.numFailedTests ?? 0) + unloaded.length;
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  } else {
    totals.failed += 1;
  }
  timed('vitest (unit, flows, integration, simulator)', began);
}

if (only !== 'unit' && existsSync(join(root, 'playwright.config.ts'))) {
  const began = performance.now();
  if (run(process.execPath, [join(root, 'scripts/build.mjs'), '--quiet']) === 0) {
    const out = join(work, 'playwright.json');
    run(
      process.execPath,
      [join(root, 'node_modules/@playwright/test/cli.js'), 'test', '--reporter=list,json', ...passThrough],
      {
        PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      },
    );
    if (existsSync(out)) {
      const s = JSON.parse(readFileSync(out, 'utf8')).stats ?? {};
      // A flaky test is a failed test (there are no retries; this only guards the count).
      totals.passed += s.expected ?? 0;
      totals.failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
      totals.skipped += s.skipped ?? 0;
    } else {
      totals.failed += 1;
    }
  } else {
    totals.failed += 1;
  }
  timed('browser (build and Playwright)', began);
}

rmSync(work, { recursive: true, force: true });
if (times.length) console.log(`\nTime: ${times.join(', ')}`);
if (totals.failed > 0 && exitCode === 0) exitCode = 1;
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
