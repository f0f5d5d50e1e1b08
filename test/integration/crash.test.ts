// The key is never lost: the CLI is killed (SIGKILL) at each boundary of a registration; afterwards,
// doing what the helper advises (status, resume, register, discard), the key Wawi handed out ends up in
// the keychain. Checked against the simulator's own record of issued keys. Kills at random moments
// run in `npm run test:soak` (test/soak/random-kills.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { describe, expect, it } from 'vitest';
import { startWawiSim } from '../../tools/wawi-sim/server';
import { APP, CLI, MANIFEST } from '../helpers/cli-env';
import { crashRig, until } from '../helpers/crash-rig';
import { start } from '../helpers/proc';

const rig = crashRig();
const { account, acceptAll, cli, expectIssuedKeyStored, pendingEntry, register, storedKey } = rig;

describe('SIGKILL at each boundary, then recovery as advised', () => {
  it('before the POST: the entry says a request may be waiting; discard, register again, key stored', async () => {
    rig.sim.addFaults([{ method: 'POST', path: '/api/*/v1/authentication', type: 'hang' }]);
    const p = register();
    await until(() => [...rig.sim.hits.keys()].some((k) => k.startsWith('POST')));
    p.child.kill('SIGKILL');
    await p.exited;
    // The entry was written before the request went out.
    expect(await pendingEntry()).toMatchObject({ challengeCode: expect.any(String) });
    expect((await pendingEntry())!.requestId).toBeUndefined();
    const status = JSON.parse((await cli(['status', '--json'])).output);
    expect(status.pending).toEqual([expect.objectContaining({ appId: APP, requestConfirmed: false })]);
    // A new register does not silently send a second request.
    const again = await cli(['register', '--manifest', MANIFEST, '--wawi', rig.sim.apiUrl(), '--lang', 'en']);
    expect(again.code).toBe(28);
    expect(again.output).toContain('may still be waiting in JTL-Wawi');
    expect([...rig.sim.hits.entries()].filter(([k]) => k.startsWith('POST'))).toEqual([
      [expect.stringContaining('/authentication'), 1],
    ]);
    expect((await cli(['discard', '--app', APP])).code).toBe(0);
    const fresh = register();
    await until(() => rig.sim.pending().length > 0);
    acceptAll();
    expect((await fresh.exited).code).toBe(0);
    await expectIssuedKeyStored();
  });

  it('right after the 201 (request id recorded): resume collects the key', async () => {
    const p = register();
    await until(async () => (await pendingEntry())?.requestId !== undefined);
    p.child.kill('SIGKILL');
    await p.exited;
    acceptAll();
    const r = await cli(['resume', '--json']);
    expect(r.code).toBe(0);
    await expectIssuedKeyStored();
    expect(await pendingEntry()).toBeNull();
  });

  it('while polling: register again goes on with the same request and stores the key', async () => {
    const p = register();
    await p.waitFor(/Waiting for acceptance/);
    p.child.kill('SIGKILL');
    await p.exited;
    acceptAll();
    const r = await cli(['register', '--manifest', MANIFEST, '--wawi', rig.sim.apiUrl()]);
    expect(r.code).toBe(0);
    expect(rig.sim.challengeCodes()).toHaveLength(1);
    await expectIssuedKeyStored();
  });

  it('after the key answer, once the key is stored: the key is kept and resume completes', async () => {
    const p = register();
    await until(() => rig.sim.pending().length > 0);
    acceptAll();
    await until(async () => (await storedKey()) !== null);
    p.child.kill('SIGKILL');
    await p.exited;
    await expectIssuedKeyStored();
    const r = await cli(['resume', '--json']);
    expect(r.code).toBe(0);
    expect(await pendingEntry()).toBeNull();
    const list = JSON.parse((await cli(['list', '--verify', '--json'])).output);
    expect(list.registrations).toEqual([expect.objectContaining({ lastVerifyResult: 'works' })]);
  });

  it('between storing and deleting the pending entry: resume verifies the key on 410 and succeeds', async () => {
    const p = register();
    await until(() => rig.sim.pending().length > 0);
    acceptAll();
    expect((await p.exited).code).toBe(0);
    // The state such a kill leaves: key stored, pending entry still there, key already handed out (410).
    const [issued] = rig.sim.accepted();
    await keytar.setPassword(
      `pending: ${rig.env.WAWI_REGISTER_KEYCHAIN_SERVICE}`,
      account(),
      JSON.stringify({
        v: 2,
        kind: 'register',
        account: account(),
        baseUrl: rig.sim.apiUrl(),
        appId: APP,
        displayName: 'Lagerbestand Sync (Demo)',
        providerName: 'Beispiel Software GmbH',
        appVersion: '1.0.0',
        requestId: issued!.id,
        challengeCode: rig.sim.challengeCodes()[0],
        startedAt: new Date().toISOString(),
      }),
    );
    const r = await cli(['resume', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.output)).toMatchObject({ ok: true, results: [{ ok: true }] });
    expect(await pendingEntry()).toBeNull();
    await expectIssuedKeyStored();
  });
});

describe('giving up never strands the key', () => {
  const registerFor = (timeout: string) =>
    cli([
      'register',
      '--manifest',
      MANIFEST,
      '--wawi',
      rig.sim.apiUrl(),
      '--timeout',
      timeout,
      '--lang',
      'en',
    ]);

  it('--timeout: exit 24, the request is kept; the merchant accepts later and resume stores the key', async () => {
    const r = await registerFor('1s');
    expect(r.code).toBe(24);
    expect(r.output).toContain('still waiting in JTL-Wawi and is kept on this computer');
    acceptAll();
    expect((await cli(['resume'])).code).toBe(0);
    await expectIssuedKeyStored();
  });

  for (const fault of [
    { type: 'status', status: 503, retryAfter: 1 },
    { type: 'reset' },
    { type: 'hang' },
    { type: 'malformed' },
  ] as const) {
    it(`a status route that keeps failing (${fault.type}): the entry is kept, and resume stores the key once it works`, async () => {
      rig.sim.addFaults([{ method: 'GET', path: '/api/*/v1/authentication/*', times: 1000, ...fault }]);
      const r = await registerFor('2s');
      expect(r.code).toBe(24);
      expect(r.output).toContain('wawi-register resume');
      expect(JSON.parse((await cli(['status', '--json'])).output).pending).toHaveLength(1);
      // The merchant accepts while the server is still broken; later it works again.
      acceptAll();
      rig.sim.clearFaults();
      const resumed = await cli(['resume', '--json']);
      expect(resumed.code).toBe(0);
      await expectIssuedKeyStored();
    }, 30_000);
  }

  it('Ctrl+C during resume leaves every entry; one unreachable server does not hold up another', async () => {
    // Two pending registrations: one on a server that is gone, one on this simulator.
    const p = register();
    await until(async () => (await pendingEntry())?.requestId !== undefined);
    p.child.kill('SIGKILL');
    await p.exited;
    const gone = await startWawiSim({ port: 0 });
    gone.setWindow('eazybusiness', true);
    const q = start(CLI, ['register', '--manifest', MANIFEST, '--wawi', gone.apiUrl()], rig.env);
    await q.waitFor(/Waiting for acceptance/);
    q.child.kill('SIGKILL');
    await q.exited;
    await gone.close();
    expect(JSON.parse((await cli(['status', '--json'])).output).pending).toHaveLength(2);

    // Ctrl+C while resuming both: both stay.
    const first = start(CLI, ['resume', '--lang', 'en'], rig.env);
    await first.waitFor(/Waiting for acceptance/);
    first.child.kill('SIGINT');
    expect((await first.exited).code).toBe(25);
    expect(JSON.parse((await cli(['status', '--json'])).output).pending).toHaveLength(2);

    // Accepted here: stored at once, while the other server is still being retried.
    acceptAll();
    const started = Date.now();
    const again = start(CLI, ['resume', '--timeout', '20s', '--json'], rig.env);
    await until(async () => (await storedKey()) !== null, 15_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    again.child.kill('SIGINT');
    await again.exited;
    await expectIssuedKeyStored();
    const left = JSON.parse((await cli(['status', '--json'])).output).pending as {
      server: { port: number };
    }[];
    expect(left).toHaveLength(1);
    expect(left[0]!.server.port).not.toBe(rig.sim.port);
  }, 40_000);
});

describe('manifests that are not regular files fail fast with exit 3', () => {
  for (const path of ['/dev/zero', '/dev/urandom']) {
    it(path, async () => {
      const r = await cli(['check-manifest', '--manifest', path, '--lang', 'en']);
      expect(r.code).toBe(3);
      expect(r.output).toContain('is not a regular file');
    });
  }

  it('a FIFO', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wawi-fifo-'));
    const fifo = join(dir, 'manifest.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await cli(['check-manifest', '--manifest', fifo, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.output).toContain('is not a regular file');
  });

  it('an AppIconFile that is a device', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wawi-icon-'));
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    // The icon must sit beside the manifest: here a link to a device, by name.
    symlinkSync('/dev/zero', join(dir, 'icon.png'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, AppIconFile: 'icon.png' }));
    const r = await cli(['check-manifest', '--manifest', join(dir, 'manifest.json'), '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.output).toContain(`${join(dir, 'icon.png')} is not a regular file`);
  });
});

describe('resuming a day later', () => {
  it('gets a full wait from now, not the remains of the old timeout', async () => {
    const p = register();
    await until(async () => (await pendingEntry())?.requestId !== undefined);
    p.child.kill('SIGKILL');
    await p.exited;
    const service = `pending: ${rig.env.WAWI_REGISTER_KEYCHAIN_SERVICE}`;
    const entry = JSON.parse((await keytar.getPassword(service, account()))!);
    entry.startedAt = new Date(Date.now() - 24 * 3600_000).toISOString();
    await keytar.setPassword(service, account(), JSON.stringify(entry));
    const resumed = start(CLI, ['resume', '--timeout', '30s'], rig.env);
    await resumed.waitFor(/Waiting for acceptance/);
    acceptAll();
    expect((await resumed.exited).code).toBe(0);
    await expectIssuedKeyStored();
  });
});
