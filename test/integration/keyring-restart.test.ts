// The Secret Service restarts while an accepted key is on its way (the daemon crashed, the desktop
// session restarted it): keytar keeps this process's dead session and every call fails with "The
// session wrapping the secret does not exist". The key still reaches the keychain, stored by a fresh
// process (main/core/store/fresh-store.ts). Linux only: that is where the Secret Service runs.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { parseWawiAddress } from '../../main/core/index';
import { startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { demoManifest, makeCore } from '../helpers/core';
import { thisFilesKeyring } from '../helpers/private-keyring';

/** The key as a new process reads it (this process's keytar session is stale after the restart). */
function readFresh(service: string, account: string): string {
  return execFileSync(
    process.execPath,
    [
      '-e',
      'require("keytar").getPassword(process.argv[1], process.argv[2]).then((k) => process.stdout.write(k ?? ""))',
      service,
      account,
    ],
    { encoding: 'utf8' },
  );
}

let sim: WawiSim | undefined;
afterEach(async () => {
  await sim?.close();
});

describe.runIf(process.platform === 'linux')('a Secret Service that restarts', () => {
  it('while the request waits in Wawi: the accepted key is stored by a fresh process, nothing lost', async () => {
    sim = await startWawiSim({ port: 0 });
    sim.setWindow('eazybusiness', true);
    const h = makeCore();
    const run = h.core.register(demoManifest(), parseWawiAddress(sim.apiUrl()));
    await expect.poll(() => sim!.pending().length).toBe(1);
    // The daemon goes away and a new one serves the same keyring; then the merchant accepts.
    await thisFilesKeyring().restartDaemon();
    sim.accept(sim.pending()[0]!.id);
    const record = await run;
    const [issued] = sim.apiKeys();
    expect(issued).toBeDefined();
    expect(readFresh(h.service, record.account)).toBe(issued);
    // No key in a file or the log: the fresh process got it through its stdin only.
    expect(h.files()).not.toContain(issued);
  });
});
