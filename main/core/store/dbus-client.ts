// A connection to the D-Bus session bus in this process: the keyring check asks the Secret Service over
// it instead of starting four dbus-send processes for every keychain search. Only what that needs:
// unix sockets (path or abstract), EXTERNAL authentication, method calls and their replies.
import { createConnection } from 'node:net';
import { type Call, decodeMessage, encodeCall, type Message, MessageType, messageLength } from './dbus-wire';

/** A D-Bus error reply: its name (org.freedesktop.DBus.Error.…) and message. */
export class DBusError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
  ) {
    super(message || errorName);
    this.name = 'DBusError';
  }
}

/** The socket of the session bus, from DBUS_SESSION_BUS_ADDRESS; undefined for other transports. */
export function sessionBusSocket(env: NodeJS.ProcessEnv): string | undefined {
  const address = env.DBUS_SESSION_BUS_ADDRESS;
  if (!address) return env.XDG_RUNTIME_DIR ? `${env.XDG_RUNTIME_DIR}/bus` : undefined;
  for (const entry of address.split(';')) {
    const [transport, params = ''] = entry.split(/:(.*)/s);
    if (transport !== 'unix') continue;
    const kv = new Map(
      params.split(',').map((p) => {
        const [k, v = ''] = p.split(/=(.*)/s);
        return [k!, decodeURIComponent(v)] as const;
      }),
    );
    if (kv.get('path')) return kv.get('path');
    if (kv.get('abstract')) return `\0${kv.get('abstract')}`;
  }
  return undefined;
}

export interface Bus {
  call(call: Call): Promise<unknown[]>;
  close(): void;
}

/**
 * Connects, authenticates as this process's user and says Hello; rejects when that fails within
 * `timeoutMs` (the caller then falls back to dbus-send).
 */
export function openSessionBus(env: NodeJS.ProcessEnv = process.env, timeoutMs = 2000): Promise<Bus> {
  const path = sessionBusSocket(env);
  if (!path) return Promise.reject(new Error('no unix socket in DBUS_SESSION_BUS_ADDRESS'));
  return new Promise((resolve, reject) => {
    const socket = createConnection({ path });
    const timer = setTimeout(() => fail(new Error('the session bus did not answer')), timeoutMs);
    let buf = Buffer.alloc(0);
    let authenticated = false;
    let serial = 0;
    const waiting = new Map<number, { ok: (m: Message) => void; no: (e: Error) => void }>();
    function fail(err: Error) {
      clearTimeout(timer);
      socket.destroy();
      for (const w of waiting.values()) w.no(err);
      waiting.clear();
      reject(err);
    }
    const bus: Bus = {
      call(call) {
        const id = ++serial;
        return new Promise<unknown[]>((ok, no) => {
          waiting.set(id, {
            ok: (m) =>
              m.type === MessageType.Error
                ? no(new DBusError(m.errorName ?? 'error', String(m.body[0] ?? '')))
                : ok(m.body),
            no,
          });
          socket.write(encodeCall(call, id));
        });
      },
      close: () => socket.destroy(),
    };
    socket.once('error', fail);
    socket.once('close', () => fail(new Error('the session bus closed the connection')));
    socket.on('connect', () => {
      const uid = String(process.getuid?.() ?? 0);
      socket.write(`\0AUTH EXTERNAL ${Buffer.from(uid, 'ascii').toString('hex')}\r\n`);
    });
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (!authenticated) {
        const end = buf.indexOf('\r\n');
        if (end < 0) return;
        const line = buf.toString('ascii', 0, end);
        buf = buf.subarray(end + 2);
        if (!line.startsWith('OK ')) return fail(new Error(`the session bus refused: ${line.slice(0, 80)}`));
        authenticated = true;
        socket.write('BEGIN\r\n');
        bus
          .call({
            destination: 'org.freedesktop.DBus',
            path: '/org/freedesktop/DBus',
            interface: 'org.freedesktop.DBus',
            member: 'Hello',
          })
          .then(() => {
            clearTimeout(timer);
            socket.removeAllListeners('close');
            socket.once('close', () => {
              for (const w of waiting.values()) w.no(new Error('the session bus closed the connection'));
              waiting.clear();
            });
            resolve(bus);
          }, fail);
      }
      for (let n = messageLength(buf); n !== undefined; n = messageLength(buf)) {
        const message = decodeMessage(buf.subarray(0, n));
        buf = buf.subarray(n);
        const w = message.replySerial !== undefined ? waiting.get(message.replySerial) : undefined;
        if (!w) continue; // a signal, or NameAcquired
        waiting.delete(message.replySerial!);
        w.ok(message);
      }
    });
  });
}
