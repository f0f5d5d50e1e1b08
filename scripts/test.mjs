#!/usr/bin/env node
// `npm test`: unit, flow, simulator and integration tests (vitest), then the browser tests
// (Playwright). The build comes first, once (vitest's global set-up then builds nothing). Every
// integration test file and every browser worker has a Secret Service of its own (a private D-Bus
// session and gnome-keyring). One after the other: run side by side on this 2-core machine, both got
// several times slower (measured: 3 min 17 s together against about 3 min in turn).
//   --unit: vitest only; --e2e: the browser tests only; --soak: the long trials only (test/soak).
// Ends with the time per layer and one line: "Tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reexecInKeyring } from './keyring.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const FLAGS = ['--unit', '--e2e', '--soak'];
const only = FLAGS.find((f) => argv.includes(f))?.slice(2) ?? 'all';
const passThrough = argv.filter((a) => !FLAGS.includes(a));

reexecInKeyring();

const work = mkdtempSync(join(tmpdir(), 'wawi-test-results-'));
const seconds = (since) => Math.round((performance.now() - since) / 1000);

/** Runs a command to its end, its output shown live. */
function run(label, args, env) {
  const began = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  return { code: r.status ?? 1, time: `${label} ${seconds(began)} s` };
}

/** vitest's counts: failed tests, plus each test file that did not load (named). */
function vitestCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const unloaded = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
  );
  for (const f of unloaded) console.log(`Test file did not run: ${f.name}`);
  return {
    passed: r.numPassedTests ?? 0,
    failed: (r.numFailedTests ?? 0) + unloaded.length,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

/** Playwright's counts. A flaky test is a failed test (there are no retries; this guards the count). */
function playwrightCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
}

const vitest = only !== 'e2e';
const browser = only === 'all' || only === 'e2e';
const results = [];

if (browser) {
  const began = performance.now();
  const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) {
    console.log('\nTests: 0 passed, 1 failed, 0 skipped (the build failed, see above)');
    process.exit(1);
  }
  console.log(`Build: ${seconds(began)} s`);
}
if (vitest) {
  const out = join(work, 'vitest.json');
  const args = [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json'];
  args.push(`--outputFile.json=${out}`, ...(only === 'soak' ? ['--project', 'soak'] : []), ...passThrough);
  const env = { ...(only === 'soak' ? { WAWI_SOAK: '1' } : {}), ...(browser ? { WAWI_BUILT: '1' } : {}) };
  results.push({
    ...run('vitest (unit, flows, simulator, integration)', args, env),
    counts: vitestCounts(out),
  });
}
if (browser) {
  const out = join(work, 'playwright.json');
  const args = [join(root, 'node_modules/@playwright/test/cli.js'), 'test', '--reporter=list,json'];
  const r = run('browser (Playwright)', [...args, ...passThrough], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  results.push({ ...r, counts: playwrightCounts(out) });
}
rmSync(work, { recursive: true, force: true });
const total = { passed: 0, failed: 0, skipped: 0 };
for (const r of results) for (const k of Object.keys(total)) total[k] += r.counts[k];
const exitCode = results.some((r) => r.code !== 0) || total.failed > 0 ? 1 : 0;
console.log(`\nTime: ${results.map((r) => r.time).join(', ')}`);
console.log(`\nTests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(exitCode);
