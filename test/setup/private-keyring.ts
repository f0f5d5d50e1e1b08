// Every integration test file runs in a process of its own (pool `forks`, isolated) and gets a Secret
// Service of its own: a private D-Bus session and an unlocked gnome-keyring that no other file, no
// second `npm test` and no desktop session shares, so a daemon that dies takes only this file's keys
// with it. On Windows and macOS the tests use the OS keychain (each under a keychain service of its own).
import { afterAll } from 'vitest';
import { PrivateKeyring } from '../helpers/private-keyring';

if (process.platform === 'linux') {
  const keyring = await PrivateKeyring.start();
  keyring.activateInThisProcess();
  (globalThis as { __wawiFileKeyring?: PrivateKeyring }).__wawiFileKeyring = keyring;
  afterAll(() => keyring.stop());
}
