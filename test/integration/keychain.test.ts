// The tests run against a real Secret Service (gnome-keyring on Linux, see scripts/test.mjs).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { describe, expect, it } from 'vitest';
import { makeCore } from '../helpers/core';

describe('the keychain the tests use', () => {
  it('is a real Secret Service: what keytar stores, secret-tool finds', async () => {
    const service = `wawi-helper-selftest-${randomUUID()}`;
    await keytar.setPassword(service, 'probe', 'value-1');
    try {
      expect(await keytar.getPassword(service, 'probe')).toBe('value-1');
      if (process.platform === 'linux') {
        const out = execFileSync('secret-tool', ['search', '--all', 'service', service], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        expect(out).toContain('probe');
      }
    } finally {
      await keytar.deletePassword(service, 'probe');
    }
    expect(await keytar.getPassword(service, 'probe')).toBeNull();
  });
});

describe('the vault under concurrent use', () => {
  // keytar on Linux segfaults when an item is deleted while a listing of its service loads secrets
  // (libsecret hands it a missing secret). The vault runs one keychain call at a time.
  it('lists while entries are being deleted, without crashing or failing', async () => {
    const { vault } = makeCore();
    const pending = (i: number) => ({
      v: 2 as const,
      kind: 'register' as const,
      account: `RaceApp/${i}@127.0.0.1:5883/eazybusiness`,
      baseUrl: 'http://127.0.0.1:5883/api/eazybusiness',
      appId: `RaceApp/${i}`,
      displayName: 'Race',
      providerName: 'Test',
      appVersion: '1.0',
      requestId: `request-${i}`,
      challengeCode: `race-code-${i}-000000000000`,
      startedAt: new Date().toISOString(),
    });
    for (let round = 0; round < 10; round++) {
      await Promise.all(Array.from({ length: 15 }, (_, i) => vault.savePending(pending(i))));
      const ops: Promise<unknown>[] = [];
      for (let i = 0; i < 15; i++) ops.push(vault.deletePending(pending(i).account), vault.listPending());
      await Promise.all(ops);
      expect(await vault.listPending()).toEqual([]);
    }
  });
});
