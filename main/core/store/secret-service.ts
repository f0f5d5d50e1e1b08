// Linux only: asks the Secret Service over D-Bus whether the keyring is locked, before keytar searches
// it. keytar (libsecret) segfaults when it searches a locked collection that holds matching items
// (upstream issue #477), and `getPassword` answers "no key" for a locked item. So every keychain search
// on Linux first asks: is the default collection locked, or is any item of our services locked?
// It asks over a connection of its own to the session bus (./dbus-client.ts); where that can't be
// opened, through `dbus-send`, which comes with D-Bus itself; where both are missing the check can't be
// made and says so.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Bus, DBusError, openSessionBus } from './dbus-client';

export type KeyringState =
  /** Searching is safe (also without a default collection: then there is simply nothing to find). */
  | { state: 'unlocked' }
  /** The default collection, or an item of one of our services, is locked. */
  | { state: 'locked' }
  /** No Secret Service answers on the session bus. */
  | { state: 'unavailable'; reason: string }
  /** The check itself could not run (no dbus-send): keytar is used as it is. */
  | { state: 'unknown' };

export type Exec = (file: string, args: string[]) => Promise<{ stdout: string; stderr: string }>;

/** Programs the helper starts, from the system's own folders only: never from PATH or the current folder. */
const SYSTEM_PROGRAMS: Record<string, string[]> = {
  'dbus-send': ['/usr/bin/dbus-send', '/bin/dbus-send'],
};

/** The absolute path of a program the helper may start, or undefined when the system has none. */
export function systemProgram(
  name: string,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  return SYSTEM_PROGRAMS[name]?.find(exists);
}

/** dbus-send by its absolute path (the check's way when no bus connection can be opened). */
export const dbusSend: Exec = (file, args) =>
  new Promise((resolve, reject) => {
    const path = systemProgram(file);
    if (!path) {
      reject(
        Object.assign(new Error(`${file} is not installed`), { code: 'ENOENT', stdout: '', stderr: '' }),
      );
      return;
    }
    execFile(path, args, { timeout: 5000, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, { stdout, stderr }));
      else resolve({ stdout, stderr });
    });
  });

const DEST = 'org.freedesktop.secrets';
const SEND = (path: string, method: string, ...args: string[]) => [
  '--session',
  '--print-reply=literal',
  `--dest=${DEST}`,
  path,
  method,
  ...args,
];

type ExecError = NodeJS.ErrnoException & { stderr?: string };

/** What dbus-send said, in one short line. */
function firstLine(err: ExecError): string {
  return (err.stderr || err.message || '').split('\n')[0]!.slice(0, 160);
}

/** The locked half of SearchItems' answer: `array [ … ] array [ <locked paths> ]`. */
export function lockedItems(searchOutput: string): number {
  const parts = searchOutput.split('array [');
  const locked = parts[2] ?? '';
  return (locked.match(/\/org\/freedesktop\/secrets\/\S+/g) ?? []).length;
}

/** One question's answer, as either way of asking reports it. */
type Answer = { locked: boolean } | { missing: true } | { noProgram: true } | { failed: string };

/** The two questions: is the default collection locked; does a search find locked items of a service. */
interface Asker {
  collection(): Promise<Answer>;
  search(service: string): Promise<Answer>;
}

/**
 * The keyring's state, asked over the session bus (or, given `exec` or without a bus socket, through
 * dbus-send). gnome-keyring now and then answers a search with "UnknownMethod" while it is busy with
 * other clients: that answer is asked again (three times in all) before it counts.
 */
export async function keyringState(
  services: string[],
  exec?: Exec,
  openBus: () => Promise<Bus> = () => openSessionBus(),
): Promise<KeyringState> {
  let bus: Bus | undefined;
  if (!exec) bus = await openBus().catch(() => undefined);
  const asker = bus ? overBus(bus) : throughDbusSend(exec ?? dbusSend);
  try {
    let state = await ask(asker, services);
    for (
      let retry = 1;
      retry < 3 && state.state === 'unavailable' && /UnknownMethod/.test(state.reason);
      retry++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50 * retry));
      state = await ask(asker, services);
    }
    return state;
  } finally {
    bus?.close();
  }
}

/** Asks everything at once (searching is safe on a locked collection too) and decides. */
async function ask(asker: Asker, services: string[]): Promise<KeyringState> {
  const [collection, ...searches] = await Promise.all([
    asker.collection(),
    ...services.map((s) => asker.search(s)),
  ]);
  if ('noProgram' in collection) return { state: 'unknown' };
  if ('failed' in collection)
    return { state: 'unavailable', reason: collection.failed || 'no Secret Service on the session bus' };
  // No default collection ('missing'): searching is safe, storing will fail with its own clear error.
  if ('locked' in collection && collection.locked) return { state: 'locked' };
  for (const r of searches) {
    if ('failed' in r || 'noProgram' in r)
      return { state: 'unavailable', reason: 'failed' in r ? r.failed : '' };
    if ('locked' in r && r.locked) return { state: 'locked' };
  }
  return { state: 'unlocked' };
}

/** Answers through dbus-send, one process per question. */
function throughDbusSend(exec: Exec): Asker {
  const failure = (err: ExecError): Answer =>
    err.code === 'ENOENT'
      ? { noProgram: true }
      : /Object does not exist|No such object|NoSuchObject/i.test(String(err.stderr))
        ? { missing: true }
        : { failed: firstLine(err) };
  return {
    collection: () =>
      exec(
        'dbus-send',
        SEND(
          '/org/freedesktop/secrets/aliases/default',
          'org.freedesktop.DBus.Properties.Get',
          'string:org.freedesktop.Secret.Collection',
          'string:Locked',
        ),
      ).then(({ stdout }) => ({ locked: /boolean\s+true/.test(stdout) }), failure),
    search: (service) =>
      exec(
        'dbus-send',
        SEND(
          '/org/freedesktop/secrets',
          'org.freedesktop.Secret.Service.SearchItems',
          `dict:string:string:service,${service}`,
        ),
      ).then(({ stdout }) => ({ locked: lockedItems(stdout) > 0 }), failure),
  };
}

/** How long one question over the bus may take (as dbus-send's timeout above). */
const ASK_TIMEOUT_MS = 5000;

function withTimeout<T>(p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the Secret Service did not answer')), ASK_TIMEOUT_MS);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** Answers over a bus connection of this process: no process is started. */
function overBus(bus: Bus): Asker {
  const failure = (err: unknown): Answer => {
    if (
      err instanceof DBusError &&
      (/UnknownObject|NoSuchObject/.test(err.errorName) ||
        /Object does not exist|No such object/i.test(err.message))
    )
      return { missing: true };
    const text =
      err instanceof DBusError ? `${err.errorName}: ${err.message}` : String((err as Error)?.message ?? err);
    return { failed: text.split('\n')[0]!.slice(0, 160) };
  };
  return {
    collection: () =>
      withTimeout(
        bus.call({
          destination: DEST,
          path: '/org/freedesktop/secrets/aliases/default',
          interface: 'org.freedesktop.DBus.Properties',
          member: 'Get',
          signature: 'ss',
          body: ['org.freedesktop.Secret.Collection', 'Locked'],
        }),
      ).then(([locked]) => ({ locked: locked === true }), failure),
    search: (service) =>
      withTimeout(
        bus.call({
          destination: DEST,
          path: '/org/freedesktop/secrets',
          interface: 'org.freedesktop.Secret.Service',
          member: 'SearchItems',
          signature: 'a{ss}',
          body: { service },
        }),
      ).then(([, locked]) => ({ locked: (locked as unknown[]).length > 0 }), failure),
  };
}
