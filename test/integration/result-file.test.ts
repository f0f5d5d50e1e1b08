// --result-file of the CLI: the outcome a vendor's onboarding reads, for success and every failure,
// checked against the one schema (shared/result.ts); never the key or the challenge code.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LaunchResult, launchResultSchema } from '../../shared/result';
import { startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { APP, isolatedEnv, MANIFEST } from '../helpers/cli-env';
import { inProcessCli } from '../helpers/cli-in-process';

let sim: WawiSim;
let env: Record<string, string>;
let here: ReturnType<typeof inProcessCli>;
let dir: string;

beforeEach(async () => {
  sim = await startWawiSim({ port: 0 });
  env = isolatedEnv({ WAWI_REGISTER_CANDIDATES: '127.0.0.1:9' });
  here = inProcessCli(() => env);
  dir = mkdtempSync(join(tmpdir(), 'result-'));
});
afterEach(async () => {
  await sim.close();
});

function readResult(file: string): LaunchResult {
  const text = readFileSync(file, 'utf8');
  for (const secret of [...sim.apiKeys(), ...sim.challengeCodes()]) expect(text).not.toContain(secret);
  return launchResultSchema.parse(JSON.parse(text));
}

async function acceptWhenPending() {
  for (;;) {
    const p = sim.pending()[0];
    if (p) return sim.accept(p.id);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('--result-file', () => {
  it('a registration: exit 0, the account, AppId, base URL, Mandant and key fingerprint, no key', async () => {
    sim.setWindow('eazybusiness', true);
    const file = join(dir, 'sub', 'result.json');
    const run = here.start([
      'register',
      '--manifest',
      MANIFEST,
      '--wawi',
      sim.apiUrl(),
      '--result-file',
      file,
    ]);
    await acceptWhenPending();
    expect(await run.code).toBe(0);
    const result = readResult(file);
    expect(result).toMatchObject({
      v: 1,
      outcome: 'ok',
      exitCode: 0,
      action: 'register',
      appId: APP,
      baseUrl: sim.apiUrl(),
      registration: {
        account: `${APP}@127.0.0.1:${sim.port}/eazybusiness`,
        appId: APP,
        baseUrl: sim.apiUrl(),
        database: 'eazybusiness',
        keyFingerprint: expect.stringMatching(/^[0-9a-f]{8}$/),
      },
    });
    expect(result).not.toHaveProperty('error');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['result.json']);
  });

  it('a failure: its outcome, exit code and text in the chosen language', async () => {
    const file = join(dir, 'result.json');
    const { code } = await here.run([
      'register',
      '--manifest',
      MANIFEST,
      '--wawi',
      sim.apiUrl(),
      '--no-wait-for-dialog',
      '--lang',
      'de',
      '--result-file',
      file,
    ]);
    expect(code).toBe(20);
    const result = readResult(file);
    expect(result).toMatchObject({ outcome: 'no-registration-window', exitCode: 20, action: 'register' });
    expect(result.error?.title).toMatch(/Registrierungsdialog/);
    expect(result).not.toHaveProperty('registration');
  });

  it('verify of a key Wawi refuses: 30 in the file as in the exit code; revoke names what it removed', async () => {
    sim.setWindow('eazybusiness', true);
    const first = here.start(['register', '--manifest', MANIFEST, '--wawi', sim.apiUrl()]);
    await acceptWhenPending();
    expect(await first.code).toBe(0);
    sim.removeApp(APP);
    const file = join(dir, 'verify.json');
    expect((await here.run(['verify', '--app', APP, '--result-file', file])).code).toBe(30);
    expect(readResult(file)).toMatchObject({ outcome: 'unauthorized', exitCode: 30, appId: APP });
    expect(readResult(file)).not.toHaveProperty('registration');
    const gone = join(dir, 'revoke.json');
    expect((await here.run(['revoke', '--app', APP, '--local-only', '--result-file', gone])).code).toBe(0);
    expect(readResult(gone)).toMatchObject({ outcome: 'ok', action: 'revoke', registration: { appId: APP } });
  });

  it('a command line that does not parse still gets its result: exit 2', async () => {
    const file = join(dir, 'usage.json');
    expect((await here.run(['register', '--no-such-option', '--result-file', file])).code).toBe(2);
    expect(readResult(file)).toMatchObject({ outcome: 'invalid-input', exitCode: 2, action: 'usage' });
    const equals = join(dir, 'usage2.json');
    expect((await here.run(['verify', '--local-only', `--result-file=${equals}`, '--lang', 'de'])).code).toBe(
      2,
    );
    expect(readResult(equals).error?.next).toMatch(/Korrigieren/);
  });

  it('a result file that cannot be written: stderr says so, the exit code stays the outcome', async () => {
    const blocked = join(dir, 'is-a-folder');
    mkdirSync(blocked);
    const r = await here.run(['list', '--lang', 'en', '--result-file', blocked]);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/Could not save on this computer: Writing .*is-a-folder failed/);
    expect(existsSync(`${blocked}.${process.pid}.tmp`)).toBe(false);
  });
});
