// The Secret Service check with a stand-in dbus-send: a passing "UnknownMethod" is asked again.
import { describe, expect, it } from 'vitest';
import { type Exec, keyringState, systemProgram } from '../../main/core/store/secret-service';

const unlocked = 'variant boolean false';
const none = '   array [\n   ]\n   array [\n   ]';

function dbus(searchAnswers: (string | Error)[]): { exec: Exec; searches: () => number } {
  let searches = 0;
  const exec: Exec = async (_file, args) => {
    if (args.some((a) => a.endsWith('.Get'))) return { stdout: unlocked, stderr: '' };
    const answer = searchAnswers[Math.min(searches++, searchAnswers.length - 1)]!;
    if (answer instanceof Error) throw Object.assign(answer, { stderr: answer.message });
    return { stdout: answer, stderr: '' };
  };
  return { exec, searches: () => searches };
}

const unknownMethod = () =>
  new Error('Error org.freedesktop.DBus.Error.UnknownMethod: Method SearchItems is not implemented');

describe('the keyring check', () => {
  it('asks again when gnome-keyring answers UnknownMethod in passing', async () => {
    const d = dbus([unknownMethod(), none]);
    expect(await keyringState(['a'], d.exec)).toEqual({ state: 'unlocked' });
    expect(d.searches()).toBe(2);
  });

  it('reports the keyring unavailable when the answer stays', async () => {
    const d = dbus([unknownMethod()]);
    expect(await keyringState(['a'], d.exec)).toMatchObject({ state: 'unavailable' });
    expect(d.searches()).toBe(3);
  });

  it('does not ask again for other failures', async () => {
    const d = dbus([new Error('Error org.freedesktop.DBus.Error.ServiceUnknown: no such name')]);
    expect(await keyringState(['a'], d.exec)).toMatchObject({ state: 'unavailable' });
    expect(d.searches()).toBe(1);
  });
});

describe('programs the helper starts', () => {
  it('are taken from the system folders by absolute path, never from PATH or the current folder', () => {
    expect(systemProgram('dbus-send', (p) => p === '/bin/dbus-send')).toBe('/bin/dbus-send');
    expect(systemProgram('dbus-send', (p) => p === '/usr/bin/dbus-send')).toBe('/usr/bin/dbus-send');
    expect(systemProgram('dbus-send', (p) => p === './dbus-send' || p === '/tmp/bin/dbus-send')).toBe(
      undefined,
    );
    expect(systemProgram('sh')).toBe(undefined);
  });

  it('a system without dbus-send gives an unknown keyring state (keytar is used as it is)', async () => {
    const missing: Exec = async () => {
      throw Object.assign(new Error('dbus-send is not installed'), { code: 'ENOENT' });
    };
    expect(await keyringState(['a'], missing)).toEqual({ state: 'unknown' });
  });
});
