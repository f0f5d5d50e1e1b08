import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseWawiAddress } from '../../main/core/index';
import { errorText } from '../../shared/errors/text';
import type { AppManifest } from '../../shared/manifest';
import { startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { APP, isolatedEnv, MANIFEST } from '../helpers/cli-env';
import { inProcessCli } from '../helpers/cli-in-process';
import { decideWhenPending, demoManifest, failureOf, makeCore } from '../helpers/core';
import { demoManifestFile } from '../helpers/manifest';

let sim: WawiSim;
beforeEach(async () => {
  sim = await startWawiSim({ port: 0 });
  sim.setWindow('eazybusiness', true);
});
afterEach(async () => {
  await sim.close();
});

const multi = (): AppManifest => ({ ...demoManifest(), RegistrationType: 1 });
const instancePosts = () =>
  [...sim.hits]
    .filter(([k]) => /^POST \/api\/eazybusiness\/v1\/authentication\/.+/.test(k))
    .reduce((n, [, count]) => n + count, 0);

/** The merchant opens the dialog again and accepts what shows up. */
async function accepted<T>(run: () => Promise<T>): Promise<T> {
  sim.setWindow('eazybusiness', true);
  const d = decideWhenPending(sim);
  try {
    return await run();
  } finally {
    d.stop();
  }
}

describe('a MultiInstance app', () => {
  it('registers a second and a third instance: distinct keys under their own accounts, all working', async () => {
    const h = makeCore();
    const server = parseWawiAddress(sim.apiUrl());
    const first = await accepted(() => h.core.register(multi(), server));
    const second = await accepted(() => h.core.registerInstance(first.account));
    const third = await accepted(() => h.core.registerInstance(second.account));
    expect([second.account, third.account]).toEqual([
      `${APP}#2@127.0.0.1:${sim.port}/eazybusiness`,
      `${APP}#3@127.0.0.1:${sim.port}/eazybusiness`,
    ]);
    expect([second.instance, third.instance]).toEqual([2, 3]);
    const keys = await Promise.all([first, second, third].map((r) => h.vault.get(r.account)));
    expect(new Set(keys).size).toBe(3);
    for (const key of keys) expect(sim.apiKeys()).toContain(key);
    expect(sim.apps()[0]?.keys).toBe(3);
    expect(instancePosts()).toBe(2);
    for (const r of [first, second, third]) expect((await h.core.verify(r.account)).result).toBe('works');
    expect((await h.core.list()).map((r) => r.instance ?? 1).sort()).toEqual([1, 2, 3]);
  });

  it('rotates and revokes one instance, leaving the others alone', async () => {
    const h = makeCore();
    const first = await accepted(() => h.core.register(multi(), parseWawiAddress(sim.apiUrl())));
    const second = await accepted(() => h.core.registerInstance(first.account));
    const third = await accepted(() => h.core.registerInstance(first.account));

    // Rotate #2: the merchant removes that instance in Wawi; a new instance key replaces it.
    const oldKey = await h.vault.get(second.account);
    sim.removeInstance(APP, 2);
    const rotated = await accepted(() => h.core.rotate(second.account));
    expect(rotated.account).toBe(second.account);
    expect(rotated.instance).toBe(2);
    expect(await h.vault.get(second.account)).not.toBe(oldKey);
    expect((await h.core.verify(second.account)).result).toBe('works');

    // Revoke #3: deleted here once its key gets 401; the first and #2 keep working.
    sim.removeInstance(APP, 3);
    await h.core.revoke(third.account);
    expect(await h.vault.get(third.account)).toBeNull();
    expect((await h.core.verify(first.account)).result).toBe('works');
    expect((await h.core.verify(second.account)).result).toBe('works');
  });
});

describe('an app that is not MultiInstance', () => {
  it('is refused before anything is sent when its manifest says so', async () => {
    const h = makeCore();
    const first = await accepted(() => h.core.register(demoManifest(), parseWawiAddress(sim.apiUrl())));
    const err = await failureOf(h.core.registerInstance(first.account));
    expect(err.code).toBe('instance-not-allowed');
    expect(instancePosts()).toBe(0);
    expect(errorText(err, 'de').title).toBe('Keine weitere Instanz dieser App');
  });

  it('gets the same clear error when Wawi answers 400 (registered there as OneInstance)', async () => {
    const h = makeCore();
    const first = await accepted(() => h.core.register(demoManifest(), parseWawiAddress(sim.apiUrl())));
    const err = await failureOf(
      accepted(() => h.core.registerInstance(first.account, { manifest: multi() })),
    );
    expect(err.code).toBe('instance-not-allowed');
    expect(err.status).toBe(400);
    expect(instancePosts()).toBe(1);
    expect(await h.vault.listPending()).toEqual([]);
  });
});

describe('wawi-register register --another-instance', () => {
  it('registers instance 2 of a MultiInstance app; list and verify name it as <AppId>#2', async () => {
    const env = isolatedEnv({ LANG: 'en_GB.UTF-8' });
    const { run: cli } = inProcessCli(() => env);
    const manifest = demoManifestFile({ RegistrationType: 1 });
    let d = decideWhenPending(sim);
    expect((await cli(['register', '--manifest', manifest, '--wawi', sim.apiUrl()])).code).toBe(0);
    d.stop();
    sim.setWindow('eazybusiness', true);
    d = decideWhenPending(sim);
    const second = await cli(['register', '--another-instance', '--manifest', manifest]);
    d.stop();
    expect(second.code, second.output).toBe(0);
    expect(second.output).toContain(`${APP}#2@127.0.0.1:${sim.port}/eazybusiness`);
    expect((await cli(['list'])).output).toContain('instance 2');
    expect((await cli(['verify', '--app', `${APP}#2`])).code).toBe(0);
    expect((await cli(['verify', '--app', APP])).code).toBe(0);
  });

  it('registers an instance of the app named by --app; exit 29 for a OneInstance app', async () => {
    const env = isolatedEnv({ LANG: 'en_GB.UTF-8' });
    const { run: cli } = inProcessCli(() => env);
    const d = decideWhenPending(sim);
    const firstRun = await cli(['register', '--manifest', MANIFEST, '--wawi', sim.apiUrl()]);
    d.stop();
    expect(firstRun.code, firstRun.output).toBe(0);
    const refused = await cli(['register', '--another-instance', '--app', APP, '--json']);
    expect(refused.code).toBe(29);
    expect(refused.output).toContain('"code": "instance-not-allowed"');
    expect(instancePosts()).toBe(0);
  });
});
