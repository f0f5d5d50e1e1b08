// Linux only: asks the Secret Service over D-Bus whether the keyring is locked, before keytar searches
// it. keytar (libsecret) segfaults when it searches a locked collection that holds matching items
// (upstream issue #477), and `getPassword` answers "no key" for a locked item. So every keychain search
// on Linux first asks: is the default collection locked, or is any item of our services locked?
// `dbus-send` comes with D-Bus itself; where it is missing the check can't be made and says so.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

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

const execDefault: Exec = (file, args) =>
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

function isMissingObject(err: ExecError): boolean {
  return /Object does not exist|No such object|NoSuchObject/i.test(String(err.stderr));
}

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

/**
 * The keyring's state. gnome-keyring now and then answers a search with "UnknownMethod" while it is
 * busy with other clients: that answer is asked again (three times in all) before it counts.
 */
export async function keyringState(services: string[], exec: Exec = execDefault): Promise<KeyringState> {
  let state = await keyringStateOnce(services, exec);
  for (
    let retry = 1;
    retry < 3 && state.state === 'unavailable' && /UnknownMethod/.test(state.reason);
    retry++
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50 * retry));
    state = await keyringStateOnce(services, exec);
  }
  return state;
}

async function keyringStateOnce(services: string[], exec: Exec): Promise<KeyringState> {
  // All asked at once (each is a process of its own): searching is safe on a locked collection too.
  const [collection, ...searches] = await Promise.all([
    exec(
      'dbus-send',
      SEND(
        '/org/freedesktop/secrets/aliases/default',
        'org.freedesktop.DBus.Properties.Get',
        'string:org.freedesktop.Secret.Collection',
        'string:Locked',
      ),
    ).then(
      ({ stdout }) => ({ locked: /boolean\s+true/.test(stdout) }),
      (err: ExecError) => ({ error: err }),
    ),
    ...services.map((service) =>
      exec(
        'dbus-send',
        SEND(
          '/org/freedesktop/secrets',
          'org.freedesktop.Secret.Service.SearchItems',
          `dict:string:string:service,${service}`,
        ),
      ).then(
        ({ stdout }) => ({ locked: lockedItems(stdout) > 0 }),
        (err: ExecError) => ({ error: err }),
      ),
    ),
  ]);
  if ('error' in collection) {
    const e = collection.error;
    if (e.code === 'ENOENT') return { state: 'unknown' };
    if (!isMissingObject(e))
      return { state: 'unavailable', reason: firstLine(e) || 'no Secret Service on the session bus' };
    // No default collection: searching is safe, storing will fail with its own clear error.
  } else if (collection.locked) return { state: 'locked' };
  for (const r of searches) {
    if ('error' in r) return { state: 'unavailable', reason: firstLine(r.error) };
    if (r.locked) return { state: 'locked' };
  }
  return { state: 'unlocked' };
}
