// Several helpers at once on one machine and one keyring (the merchant's app, an IT admin's CLI, a
// vendor's installer running the CLI twice): eight `register` runs of different apps started at the same
// moment, with `status` listing in a loop beside them. Every run succeeds, none crashes in libsecret,
// and every key Wawi handed out is in the keychain.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { CLI, cleanKeychain, isolatedEnv, MANIFEST } from '../helpers/cli-env';
import { DEMO_ICON_B64 } from '../helpers/http';
import { ROOT, run } from '../helpers/proc';

const RUNS = 8;
let sim: WawiSim | undefined;
let env: Record<string, string> = {};
afterEach(async () => {
  await sim?.close();
  await cleanKeychain(env);
});

/** `n` manifests of distinct apps (the demo app under other AppIds). */
function manifests(n: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'wawi-parallel-'));
  const { AppIconFile: _, ...demo } = JSON.parse(readFileSync(join(ROOT, MANIFEST), 'utf8'));
  return Array.from({ length: n }, (_, i) => {
    const file = join(dir, `app-${i}.json`);
    writeFileSync(file, JSON.stringify({ ...demo, AppId: `ParallelApp${i}/v1`, AppIcon: DEMO_ICON_B64 }));
    return file;
  });
}

describe('helpers at once on one keyring', () => {
  for (const round of [1, 2]) {
    it(`${RUNS} registrations started together, status listing beside them (round ${round}): all stored`, async () => {
      sim = await startWawiSim({ port: 0, autoAcceptMs: 50 });
      env = isolatedEnv({ LANG: 'en_GB.UTF-8' });
      const files = manifests(RUNS);
      let done = false;
      const statusCodes: (number | null)[] = [];
      const lister = (async () => {
        while (!done) statusCodes.push((await run(CLI, ['status', '--json'], env)).code);
      })();
      const results = await Promise.all(
        files.map((f) => run(CLI, ['register', '--manifest', f, '--wawi', sim!.apiUrl(), '--json'], env)),
      );
      done = true;
      await lister;
      expect(results.map((r) => r.code)).toEqual(Array(RUNS).fill(0));
      expect(statusCodes.every((c) => c === 0)).toBe(true);
      const stored = await keytar.findCredentials(env.WAWI_REGISTER_KEYCHAIN_SERVICE!);
      expect(stored.map((c) => c.password).sort()).toEqual([...sim.apiKeys()].sort());
      expect(stored).toHaveLength(RUNS);
    }, 60_000);
  }

  it('the same app started twice 0.2 s apart: one request in Wawi, both end with its one key', async () => {
    sim = await startWawiSim({ port: 0, autoAcceptMs: 1500 });
    env = isolatedEnv({ LANG: 'en_GB.UTF-8' });
    const args = ['register', '--manifest', MANIFEST, '--wawi', sim.apiUrl(), '--json'];
    const first = run(CLI, args, env);
    await new Promise((r) => setTimeout(r, 200));
    const second = run(CLI, args, env);
    const results = await Promise.all([first, second]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    expect([...sim.hits.entries()].filter(([k]) => k.startsWith('POST'))).toEqual([
      [expect.stringContaining('/authentication'), 1],
    ]);
    expect(sim.apiKeys()).toHaveLength(1);
    const stored = await keytar.findCredentials(env.WAWI_REGISTER_KEYCHAIN_SERVICE!);
    expect(stored.map((c) => c.password)).toEqual(sim.apiKeys());
  }, 60_000);
});
