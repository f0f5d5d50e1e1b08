// The keyring check over the session bus: the wire format read back and against bytes D-Bus defines,
// the answers it maps to a keyring state (a stand-in bus), and the socket taken from the bus address.
import { describe, expect, it } from 'vitest';
import { type Bus, DBusError, sessionBusSocket } from '../../main/core/store/dbus-client';
import { decodeMessage, encodeCall, MessageType, messageLength } from '../../main/core/store/dbus-wire';
import { keyringState } from '../../main/core/store/secret-service';

/** A reply as a D-Bus peer writes it: little-endian, header fields (reply serial, signature), body. */
function reply(replySerial: number, signature: string, body: Buffer, type = 2, errorName?: string): Buffer {
  const fields: Buffer[] = [];
  const field = (code: number, sig: string, value: Buffer) => {
    const pad = (8 - ((16 + Buffer.concat(fields).length) % 8)) % 8;
    fields.push(Buffer.alloc(pad), Buffer.from([code, sig.length, ...Buffer.from(sig), 0]), value);
  };
  const u32 = (n: number) => Buffer.from(new Uint32Array([n]).buffer);
  const str = (s: string) => Buffer.concat([u32(Buffer.byteLength(s)), Buffer.from(s), Buffer.from([0])]);
  // reply serial 'u' after 4 header bytes (code, sig len, 'u', nul): aligned at 4.
  field(5, 'u', u32(replySerial));
  if (errorName) field(4, 's', str(errorName));
  if (signature) field(8, 'g', Buffer.from([signature.length, ...Buffer.from(signature), 0]));
  const f = Buffer.concat(fields);
  const head = Buffer.concat([Buffer.from([0x6c, type, 0, 1]), u32(body.length), u32(99), u32(f.length), f]);
  return Buffer.concat([head, Buffer.alloc((8 - (head.length % 8)) % 8), body]);
}

describe('the D-Bus wire format', () => {
  it('a method call reads back with its serial, and its a{ss} body as the specification lays it out', () => {
    const msg = encodeCall(
      {
        destination: 'org.freedesktop.secrets',
        path: '/org/freedesktop/secrets',
        interface: 'org.freedesktop.Secret.Service',
        member: 'SearchItems',
        signature: 'a{ss}',
        body: { service: 'JTL-Wawi API key' },
      },
      7,
    );
    expect(messageLength(msg)).toBe(msg.length);
    expect(messageLength(msg.subarray(0, msg.length - 1))).toBeUndefined();
    const back = decodeMessage(msg);
    expect(back).toMatchObject({ type: MessageType.MethodCall, serial: 7, signature: 'a{ss}' });
    expect(back.body).toEqual([[['service', 'JTL-Wawi API key']]]);
    // The body starts with the array's byte length, which leaves out the padding to the first entry
    // (at 8): "service" (4 + 7 + 1) and "JTL-Wawi API key" (4 + 16 + 1).
    const body = msg.subarray(msg.length - msg.readUInt32LE(4));
    expect(body.readUInt32LE(0)).toBe(12 + 21);
    expect(body.subarray(4, 8)).toEqual(Buffer.alloc(4));
  });

  it('reads a boolean in a variant, two arrays of object paths, and an error name', () => {
    const locked = decodeMessage(reply(1, 'v', Buffer.from([1, 0x62, 0, 0, 1, 0, 0, 0])));
    expect(locked.body).toEqual([true]);
    const path = '/org/freedesktop/secrets/collection/login/1';
    const one = Buffer.concat([Buffer.from([path.length, 0, 0, 0]), Buffer.from(path), Buffer.from([0])]);
    const arrays = Buffer.concat([
      Buffer.from([0, 0, 0, 0]), // unlocked: empty
      Buffer.from([one.length, 0, 0, 0]),
      one,
    ]);
    expect(decodeMessage(reply(2, 'aoao', arrays)).body).toEqual([[], [path]]);
    const error = decodeMessage(reply(3, '', Buffer.alloc(0), 3, 'org.freedesktop.DBus.Error.UnknownObject'));
    expect(error).toMatchObject({
      type: MessageType.Error,
      replySerial: 3,
      errorName: 'org.freedesktop.DBus.Error.UnknownObject',
    });
  });

  it('takes the socket from the bus address: a path, an abstract name, else $XDG_RUNTIME_DIR/bus', () => {
    expect(sessionBusSocket({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/tmp/dbus-x,guid=ab' })).toBe(
      '/tmp/dbus-x',
    );
    expect(sessionBusSocket({ DBUS_SESSION_BUS_ADDRESS: 'tcp:host=h,port=1;unix:abstract=/tmp/d' })).toBe(
      '\0/tmp/d',
    );
    expect(sessionBusSocket({ DBUS_SESSION_BUS_ADDRESS: 'tcp:host=h,port=1' })).toBeUndefined();
    expect(sessionBusSocket({ XDG_RUNTIME_DIR: '/run/user/1000' })).toBe('/run/user/1000/bus');
  });
});

/** A bus whose answers are given: Locked of the default collection, and the locked items per search. */
function bus(answers: {
  locked?: boolean | DBusError;
  search?: (string[] | DBusError)[];
}): Bus & { calls: number } {
  let searches = 0;
  const b = {
    calls: 0,
    async call(c: { member: string }) {
      b.calls += 1;
      if (c.member === 'Get') {
        if (answers.locked instanceof DBusError) throw answers.locked;
        return [answers.locked ?? false];
      }
      const a = answers.search?.[Math.min(searches++, (answers.search?.length ?? 1) - 1)] ?? [];
      if (a instanceof DBusError) throw a;
      return [[], a];
    },
    close() {},
  };
  return b;
}

/** The check over a given bus. */
const overBus = (services: string[], b: Bus) => keyringState(services, undefined, async () => b);

describe('the keyring check over the bus', () => {
  it('maps the answers as the dbus-send check does', async () => {
    expect(await overBus(['a'], bus({}))).toEqual({ state: 'unlocked' });
    expect(await overBus(['a'], bus({ locked: true }))).toEqual({ state: 'locked' });
    expect(await overBus(['a', 'b'], bus({ search: [[], ['/x/1']] }))).toEqual({
      state: 'locked',
    });
    // No default collection: searching is safe.
    const missing = new DBusError('org.freedesktop.DBus.Error.UnknownObject', 'Object does not exist');
    expect(await overBus(['a'], bus({ locked: missing }))).toEqual({ state: 'unlocked' });
    const gone = new DBusError('org.freedesktop.DBus.Error.ServiceUnknown', 'The name is not activatable');
    expect(await overBus(['a'], bus({ locked: gone }))).toEqual({
      state: 'unavailable',
      reason: 'org.freedesktop.DBus.Error.ServiceUnknown: The name is not activatable',
    });
  });

  it('asks again on a passing UnknownMethod, and closes the connection', async () => {
    const unknown = new DBusError('org.freedesktop.DBus.Error.UnknownMethod', 'not implemented');
    let closed = 0;
    const b = bus({ search: [unknown, []] });
    b.close = () => {
      closed += 1;
    };
    expect(await keyringState(['a'], undefined, async () => b)).toEqual({ state: 'unlocked' });
    expect(closed).toBe(1);
  });
});
