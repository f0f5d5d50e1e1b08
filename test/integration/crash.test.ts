// The key is never lost: the CLI is killed (SIGKILL) at each boundary of a registration; afterwards,
// doing what the helper advises (status, resume, register, discard), the key Wawi handed out ends up in
// the keychain. Checked against the simulator's own record of issued keys. Kills at random moments
// run in `npm run test:soak` (test/soak/random-kills.test.ts).
import keytar from 'keytar';
import { describe, expect, it } from 'vitest';
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
    // Nothing is sent for an entry whose request may be waiting: the output does not say so either.
    expect(again.output).not.toContain('Sending the registration request');
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
