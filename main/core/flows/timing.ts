// Time for the flows: an injectable clock, poll jitter, backoff, and waits that end on cancel.
import { setTimeout as sleep } from 'node:timers/promises';
import { HelperError, isAbort } from '../errors';

/** Time as the flows see it: a port, so unit tests run them on a fake clock. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A signal that aborts after `ms` on this clock. */
  timeout(ms: number): AbortSignal;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, { signal }),
  // Not AbortSignal.timeout: on Node 20, such a signal held only inside AbortSignal.any() can be
  // garbage-collected before it fires (measured: a dripping server then held --timeout 8s for 30 s).
  // The timer holds this controller until it fires; unref'd, it never keeps the process alive.
  timeout: (ms) => {
    const controller = new AbortController();
    setTimeout(
      () => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')),
      ms,
    ).unref();
    return controller.signal;
  },
};

/** From `afterMs` of waiting on, a pending request is polled every `intervalMs` (or slower). */
export interface PollStage {
  afterMs: number;
  intervalMs: number;
}

/** The flows' timings, in one place; each field says what it is for (docs/key-lifecycle.md). */
export interface Timings {
  /** Poll interval while a request is pending, in the first minutes of the wait (with ±20 % jitter). */
  pollIntervalMs: number;
  /**
   * Later in the wait the merchant is likely away from Wawi: the interval grows, so a whole wait costs
   * the server a few hundred requests, not one a second. "I have accepted" polls at once at any time.
   */
  pollLater: readonly PollStage[];
  /** Interval of the key checks while waiting for an app to be removed in Wawi, and of the
   * registration request while waiting for the Wawi dialog or for a removal (403, 409). */
  removalPollIntervalMs: number;
  /** First backoff after a transient failure (doubling up to MAX_BACKOFF_MS). */
  backoffBaseMs: number;
  /** First wait before storing an accepted key again (doubling up to MAX_STORE_RETRY_MS). */
  storeRetryBaseMs: number;
}

export const DEFAULT_TIMINGS: Timings = {
  pollIntervalMs: 1000,
  pollLater: [
    { afterMs: 3 * 60_000, intervalMs: 5000 },
    { afterMs: 6 * 60_000, intervalMs: 12_000 },
  ],
  removalPollIntervalMs: 2000,
  backoffBaseMs: 2000,
  storeRetryBaseMs: 1000,
};

/** The defaults, with the overrides that are set. */
export function resolveTimings(overrides: Partial<Timings>): Timings {
  const set = Object.entries(overrides).filter(([k, v]) => k in DEFAULT_TIMINGS && v !== undefined);
  return { ...DEFAULT_TIMINGS, ...Object.fromEntries(set) };
}

export const DEFAULT_TIMEOUT_MS = 15 * 60 * 1000;
const MAX_BACKOFF_MS = 30_000;
const MAX_RETRY_AFTER_MS = 5 * 60_000;
/** Storing an accepted key is retried at growing intervals up to this. */
export const MAX_STORE_RETRY_MS = 10_000;

/**
 * The flow waited `timeoutMs` for nothing. While the request was being sent: `sending`. While waiting
 * for an app's removal: `removal` when the old key was last seen working, `removal-unanswered` when
 * Wawi did not answer the last check.
 */
export function timedOut(
  timeoutMs: number,
  variant?: 'sending' | 'removal' | 'removal-unanswered',
): HelperError {
  return new HelperError('timed-out', {
    params: { timeout: formatDuration(timeoutMs), ...(variant ? { variant } : {}) },
  });
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 120 ? `${m} min` : `${Math.round(m / 60)} h`;
}

/** The poll interval after `waitedMs` of waiting (before jitter): never shorter than the first one. */
export function pollInterval(waitedMs: number, timings: Timings): number {
  let ms = timings.pollIntervalMs;
  for (const stage of timings.pollLater) if (waitedMs >= stage.afterMs) ms = Math.max(ms, stage.intervalMs);
  return ms;
}

/** ±20 % jitter around a poll interval. */
export function jitter(baseMs: number, random: (n: number) => Uint8Array): number {
  const r = random(2);
  const unit = ((r[0]! << 8) | r[1]!) / 65535; // 0..1
  return Math.round(baseMs * (0.8 + 0.4 * unit));
}

/** Exponential backoff after `failures` transient errors, never shorter than the server's Retry-After. */
export function backoff(failures: number, err: HelperError, baseMs: number): number {
  const exp = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.min(failures - 1, 4));
  const retryAfter = err.retryAfterMs !== undefined ? Math.min(err.retryAfterMs, MAX_RETRY_AFTER_MS) : 0;
  return Math.max(exp, retryAfter);
}

/**
 * Sleeps on the clock; a cancel (`signal`) throws `cancelled`. With `now`, the user can end the sleep
 * early ("I have accepted", "Retry now"): it then returns, as if the time had passed.
 */
export async function sleepOrCancel(
  clock: Clock,
  ms: number,
  signal?: AbortSignal,
  now?: Trigger,
): Promise<void> {
  const wake = new AbortController();
  void now?.next(wake.signal).then(() => wake.abort());
  try {
    await clock.sleep(ms, AbortSignal.any([wake.signal, ...(signal ? [signal] : [])]));
  } catch (err) {
    if (signal?.aborted) throw new HelperError('cancelled');
    if (!wake.signal.aborted) throw err;
  } finally {
    wake.abort();
  }
}

/** Runs an HTTP step, turning an abort into `cancelled`. */
export async function step<T>(signal: AbortSignal | undefined, fn: () => Promise<T>): Promise<T> {
  if (signal?.aborted) throw new HelperError('cancelled');
  try {
    return await fn();
  } catch (err) {
    if (isAbort(err, signal)) throw new HelperError('cancelled');
    throw err;
  }
}

/** A wake-up the user can fire ("Retry now", "I have accepted"); each `next()` waits for the next fire. */
export class Trigger {
  private readonly waiters = new Set<() => void>();
  /** Resolves at the next fire; a waiter whose `until` aborts first is dropped (it never resolves). */
  next(until?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (until?.aborted) return;
      this.waiters.add(resolve);
      until?.addEventListener('abort', () => this.waiters.delete(resolve), { once: true });
    });
  }
  fire(): void {
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const w of waiting) w();
  }
  /** How many waits are listening (a loop that leaves its waiters behind shows here). */
  get listening(): number {
    return this.waiters.size;
  }
}

/** "Keep waiting" for running flows: each flow subscribes as it starts; `extend()` moves their deadlines. */
export class Extension {
  private readonly listeners = new Set<() => void>();
  subscribe(listener: () => void): void {
    this.listeners.add(listener);
  }
  extend(): void {
    for (const l of this.listeners) l();
  }
}
