// A manifest that declares a Windows service account, through the CLI over real HTTP: check-manifest
// says what it means here, the registration succeeds, the copy for the service is refused clearly off
// Windows (and written on Windows, into a test folder), the result file and `list` say so, and the
// field never reaches Wawi.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchResultSchema } from '../../shared/result';
import { startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { APP, isolatedEnv } from '../helpers/cli-env';
import { inProcessCli } from '../helpers/cli-in-process';
import { decideWhenPending } from '../helpers/core';
import { demoManifestFile } from '../helpers/manifest';

const WINDOWS = process.platform === 'win32';
let sim: WawiSim;
let env: Record<string, string>;
let here: ReturnType<typeof inProcessCli>;
let keys: string;

beforeEach(async () => {
  sim = await startWawiSim({ port: 0 });
  keys = join(mkdtempSync(join(tmpdir(), 'service-keys-')), 'keys');
  env = isolatedEnv({ WAWI_REGISTER_CANDIDATES: '127.0.0.1:9', WAWI_REGISTER_SERVICE_KEY_DIR: keys });
  here = inProcessCli(() => env);
});
afterEach(async () => {
  await sim.close();
});

describe('a manifest with a ServiceAccount', () => {
  const manifest = () => demoManifestFile({ ServiceAccount: 'NT SERVICE\\WawiDemoSync' });

  it.skipIf(WINDOWS)('check-manifest says that this platform has no service accounts', async () => {
    const { code, output } = await here.run(['check-manifest', '--manifest', manifest()]);
    expect(code).toBe(0);
    expect(output).toContain('ServiceAccount names a Windows service account, and Linux has none');
  });

  it('registers; the copy for the service is refused off Windows (written on Windows); Wawi never sees the field', async () => {
    sim.setWindow('eazybusiness', true);
    const file = join(mkdtempSync(join(tmpdir(), 'result-')), 'result.json');
    const run = here.start([
      'register',
      '--manifest',
      manifest(),
      '--wawi',
      sim.apiUrl(),
      '--result-file',
      file,
    ]);
    const merchant = decideWhenPending(sim);
    expect(await run.code).toBe(0);
    merchant.stop();
    const result = launchResultSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(sim.received()[0]?.fields).not.toContain('ServiceAccount');
    expect(sim.received()[0]?.fields).toContain('AppId');
    const account = `${APP}@127.0.0.1:${sim.port}/eazybusiness`;
    if (WINDOWS) {
      expect(result.registration?.serviceKey).toMatchObject({
        account: 'NT SERVICE\\WawiDemoSync',
        state: 'stored',
      });
      expect(readdirSync(keys)).toEqual([expect.stringMatching(/\.key$/)]);
    } else {
      expect(result.registration?.serviceKey).toEqual({
        account: 'NT SERVICE\\WawiDemoSync',
        state: 'not-windows',
      });
      expect(run.output()).toContain(
        'The manifest names the service account NT SERVICE\\WawiDemoSync, but service accounts exist on Windows only',
      );
      expect(existsSync(keys)).toBe(false);
    }
    // The key itself is where it always is.
    expect(result.outcome).toBe('ok');
    const list = await here.run(['list']);
    expect(list.output).toContain(account.split('@')[0]!);
    expect(list.output).toContain(WINDOWS ? 'the key is also in' : 'service accounts exist on Windows only');
    // Forgetting the registration leaves no copy behind.
    expect((await here.run(['revoke', '--app', APP, '--local-only'])).code).toBe(0);
    if (WINDOWS) expect(readdirSync(keys)).toEqual([]);
  });
});
