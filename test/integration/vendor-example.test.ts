// The Node example of docs/vendor-guide.md, run against the real keychain and the real helper.
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS example without types
import { readWawiKey, SERVICE, wawiKeyAccount } from '../../docs/examples/read-key.mjs';
import { KEY_SERVICE } from '../../main/core/store/vault';
import { accountName, parseWawiAddress } from '../../main/core/wawi/address';
import { startWawiSim } from '../../tools/wawi-sim/server';
import { decideWhenPending, demoManifest, makeCore } from '../helpers/core';
import { run } from '../helpers/proc';

const cleanup: string[] = [];
afterEach(async () => {
  for (const account of cleanup.splice(0)) await keytar.deletePassword(KEY_SERVICE, account);
});

describe('docs/examples/read-key.mjs', () => {
  it('computes the same account name as the helper for every way of writing the address', () => {
    expect(SERVICE).toBe(KEY_SERVICE);
    for (const address of [
      '127.0.0.1:5883',
      'localhost',
      'http://LOCALHOST:5883/api/Mandant_2/',
      'https://wawi.example.com/api/eazybusiness',
      'http://[::1]:64110',
      'wawi-server.:5883',
    ]) {
      expect(wawiKeyAccount('myApp/v1', address)).toBe(accountName('myApp/v1', parseWawiAddress(address)));
    }
  });

  it('reads the key the helper stored under the contract service name', async () => {
    const sim = await startWawiSim({ port: 0 });
    try {
      sim.setWindow('eazybusiness', true);
      const appId = `VendorExample${randomUUID().slice(0, 8)}/v1`;
      const h = makeCore({ service: KEY_SERVICE });
      const d = decideWhenPending(sim);
      const record = await h.core.register(demoManifest({ AppId: appId }), parseWawiAddress(sim.apiUrl()));
      d.stop();
      cleanup.push(record.account);
      expect(await readWawiKey(appId, sim.apiUrl())).toBe(sim.apiKeys()[0]);
      expect(await readWawiKey(appId, `localhost:${sim.port}`)).toBe(sim.apiKeys()[0]);
      expect(await readWawiKey('Unknown/v1', sim.apiUrl())).toBeNull();
      const script = await run('docs/examples/read-key.mjs', [appId, sim.apiUrl()]);
      expect(script.code).toBe(0);
      expect(script.output).toContain(`Found the key for ${record.account}`);
      expect(script.output).not.toContain(sim.apiKeys()[0]);
      const missing = await run('docs/examples/read-key.mjs', ['Unknown/v1', sim.apiUrl()]);
      expect(missing.code).toBe(1);
      expect(missing.output).toContain('--action register');
    } finally {
      await sim.close();
    }
  });
});
