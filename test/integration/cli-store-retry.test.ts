// The CLI while the keychain refuses an accepted key, in real time: one store attempt (and one log line)
// per scheduled retry, Ctrl+C first only warns, and a second one gives the key up at once instead of
// after the backoff. The schedule itself is checked on the fake clock (test/flows/store-retry.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { isolatedEnv, MANIFEST } from '../helpers/cli-env';
import { inProcessCli } from '../helpers/cli-in-process';
import { decideWhenPending } from '../helpers/core';
import { until } from '../helpers/crash-rig';
import { RefusingKeychain } from '../helpers/fakes';

let sim: WawiSim;
let env: Record<string, string>;

beforeEach(async () => {
  sim = await startWawiSim({ port: 0 });
  sim.setWindow('eazybusiness', true);
  env = isolatedEnv({ WAWI_REGISTER_CANDIDATES: '127.0.0.1:9' });
});
afterEach(async () => {
  await sim.close();
});

describe('an accepted key the keychain refuses (CLI)', () => {
  it('one attempt and one log line per retry; the first Ctrl+C warns, the second gives up at once (exit 53)', async () => {
    const keychain = new RefusingKeychain(Number.POSITIVE_INFINITY);
    const cli = inProcessCli(() => env, keychain);
    const merchant = decideWhenPending(sim);
    const run = cli.start(['register', '--manifest', MANIFEST, '--wawi', sim.apiUrl(), '--lang', 'en']);
    let ended = false;
    void run.code.then(() => {
      ended = true;
    });
    const logFile = join(env.WAWI_REGISTER_HOME!, 'logs', 'helper.log');
    const log = () =>
      (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '')
        .split('\n')
        .filter((l) => l.includes('storing the key failed'));
    // Refused at once, 1 s later and 2 s after that: the next try is 4 s away. Waited for until both
    // the third refusal and its log line are there (the line follows the refusal).
    await until(() => keychain.refused >= 3 && log().length >= 3, 10_000);
    merchant.stop();
    expect(keychain.refused).toBe(3);
    expect(log()).toHaveLength(3);

    run.interrupt();
    await run.waitFor(/Ctrl\+C again/i);
    await new Promise((r) => setTimeout(r, 300));
    expect(ended).toBe(false);

    const pressed = Date.now();
    run.interrupt();
    expect(await run.code).toBe(53);
    // At once: well before the retry that was 4 s away, and without another attempt.
    expect(Date.now() - pressed).toBeLessThan(2000);
    expect(keychain.refused).toBe(3);
    expect(log()).toHaveLength(3);
  });
});
