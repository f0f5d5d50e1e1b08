// The keyring check's two ways against this file's own gnome-keyring: over a bus connection of its own
// (no process started) and, where that can't be opened, through dbus-send. Both say the same.
import keytar from 'keytar';
import { describe, expect, it } from 'vitest';
import { openSessionBus } from '../../main/core/store/dbus-client';
import { dbusSend, keyringState } from '../../main/core/store/secret-service';
import { uniqueService } from '../helpers/core';

describe.runIf(process.platform === 'linux')('the keyring check', () => {
  it('over the bus and through dbus-send: the same answer, empty and holding items', async () => {
    const service = uniqueService();
    const both = async () => [await keyringState([service]), await keyringState([service], dbusSend)];
    expect(await both()).toEqual([{ state: 'unlocked' }, { state: 'unlocked' }]);
    await keytar.setPassword(service, 'an account', 'a secret');
    expect(await both()).toEqual([{ state: 'unlocked' }, { state: 'unlocked' }]);
    await keytar.deletePassword(service, 'an account');
  });

  it('without a bus socket it falls back to dbus-send; a bus that is not there is said so', async () => {
    expect(await keyringState(['x'], undefined, () => Promise.reject(new Error('no socket')))).toEqual({
      state: 'unlocked',
    });
    await expect(
      openSessionBus({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' }),
    ).rejects.toThrow();
    await expect(openSessionBus({ DBUS_SESSION_BUS_ADDRESS: 'tcp:host=127.0.0.1,port=9' })).rejects.toThrow(
      'no unix socket',
    );
  });
});
