// The tests run against a real Secret Service (gnome-keyring on Linux, see scripts/test.mjs).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { describe, expect, it } from 'vitest';

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
