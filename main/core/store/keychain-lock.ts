// Keychain calls of every helper process of this user on one Secret Service, one at a time. libsecret
// races across processes as it does inside one: an item deleted while another process lists the same
// service makes keytar crash (a missing secret dereferenced). Measured: eight `register` runs started
// together on one keyring with `status` listing beside them, two rounds: before this lock 3 of 8 runs
// each round were killed by a signal or ended with exit 50; with it none (test/integration/parallel). The lock is a directory (mkdir is atomic), held only for one
// call; a killed holder cannot leave it stuck: a lock whose owner process is gone is taken over.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Longest wait for another process's keychain call; then the call goes ahead (a stuck prompt). */
const MAX_WAIT_MS = 10_000;
/** A lock without an owner written this long after it was made was left by a process killed in between. */
const ORPHAN_MS = 5_000;

/** The lock of this user's Secret Service (its session bus): in the user's runtime folder. */
export function keychainLockPath(env: NodeJS.ProcessEnv = process.env): string {
  const id = createHash('sha256')
    .update(`${process.getuid?.() ?? ''}|${env.DBUS_SESSION_BUS_ADDRESS ?? ''}`)
    .digest('hex')
    .slice(0, 16);
  return join(env.XDG_RUNTIME_DIR || tmpdir(), `wawi-keychain-${id}.lock`);
}

/** Runs `fn` holding the lock at `path` (waiting for it, at most MAX_WAIT_MS). */
export async function withKeychainLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const release = await acquireLock(path);
  try {
    return await fn();
  } finally {
    release();
  }
}

/**
 * Takes the lock at `path`, waiting at most `maxWaitMs` (or until `signal` aborts); then goes on
 * without it. Returns its release, which may be called more than once.
 */
export async function acquireLock(
  path: string,
  { maxWaitMs = MAX_WAIT_MS, signal }: { maxWaitMs?: number; signal?: AbortSignal } = {},
): Promise<() => void> {
  const began = Date.now();
  let held = false;
  for (let pause = 1; !held; pause = Math.min(pause * 2, 50)) {
    try {
      mkdirSync(path);
      held = true;
      writeFileSync(join(path, 'owner'), String(process.pid));
    } catch (err) {
      if (held) break; // the owner file is a courtesy: the lock is ours
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') break; // no lock possible here: go on
      if (abandoned(path)) {
        rmSync(path, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - began > maxWaitMs || signal?.aborted) break;
      await new Promise((r) => setTimeout(r, pause));
    }
  }
  return () => {
    if (held) rmSync(path, { recursive: true, force: true });
    held = false;
  };
}

/**
 * The lock of one app's registration on one server, across this user's helper processes: a second
 * helper registering the same app waits until the first knows its request id, then goes on with that
 * request instead of sending another (Wawi would hand out a second key and end the first).
 */
export function accountLockPath(
  service: string,
  account: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const id = createHash('sha256')
    .update(`${process.getuid?.() ?? ''}|${service}|${account}`)
    .digest('hex')
    .slice(0, 16);
  return join(env.XDG_RUNTIME_DIR || tmpdir(), `wawi-register-${id}.lock`);
}

/** True when the lock's owner process is gone (or it never wrote one and the lock is old). */
function abandoned(path: string): boolean {
  try {
    const pid = Number(readFileSync(join(path, 'owner'), 'utf8'));
    if (pid > 0) {
      try {
        process.kill(pid, 0);
        return false;
      } catch (err) {
        return (err as NodeJS.ErrnoException).code === 'ESRCH';
      }
    }
  } catch {
    // no owner yet
  }
  try {
    return Date.now() - statSync(path).mtimeMs > ORPHAN_MS;
  } catch {
    return false; // gone meanwhile: the next mkdir tries again
  }
}
