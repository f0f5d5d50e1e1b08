// The key is never lost when the helper gives up: a --timeout, a status route that keeps failing, a
// Ctrl+C during resume. The entry is kept, and resume stores the key Wawi handed out once the server
// works (checked against the simulator's own record of issued keys). The kills at each boundary of a
// registration are in crash.test.ts; this file runs beside it.
import { describe, expect, it } from 'vitest';
import { startWawiSim } from '../../tools/wawi-sim/server';
import { CLI, MANIFEST } from '../helpers/cli-env';
import { crashRig, until } from '../helpers/crash-rig';
import { start } from '../helpers/proc';

const rig = crashRig();
const { acceptAll, cli, expectIssuedKeyStored, pendingEntry, register, storedKey } = rig;

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
