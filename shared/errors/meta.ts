// What every error code means, in one table: its process exit code, how a flow treats it and where the
// app may go on from. Every other list of codes is derived from here. Plain data (no zod), so the
// preload and the renderer can use it without a schema library.

/** What a key check (verify) reports for an error; absent: the error is reported as itself. */
export type VerifyReport = 'rejected' | 'missing-scope' | 'unreachable';

/**
 * Where the app may go on after a flow failed with it:
 * - `server`: choose the server again (the server was the problem);
 * - `same`: try again on the same server;
 * - `none`: final here (the vendor, the licence or the merchant in Wawi must act first).
 */
export type RetryFrom = 'server' | 'same' | 'none';

export interface ErrorMeta {
  /** Process exit code, shared by the CLI and the desktop app. */
  exit: number;
  /** A passing problem: polls and removal waits retry it with backoff instead of ending. */
  transient?: true;
  /** After it no pending entry is left to continue with (or its text says what to do about it). */
  endsEntry?: true;
  verify?: VerifyReport;
  retryFrom: RetryFrom;
  /** The server's certificate or http consent can be trusted (again) from the failure screen. */
  retrust?: true;
  /** Raised before a single request reached the server (the connection was refused as untrusted). */
  sentNothing?: true;
}

export const ERROR_META = {
  // A server that did not answer (or answered garbage) is asked again: the same server, the same step.
  unreachable: {
    exit: 10,
    transient: true,
    verify: 'unreachable',
    retryFrom: 'same',
  },
  'tls-untrusted': {
    exit: 10,
    retryFrom: 'server',
    retrust: true,
    sentNothing: true,
  },
  'certificate-changed': {
    exit: 13,
    retryFrom: 'server',
    retrust: true,
    sentNothing: true,
  },
  'insecure-http': {
    exit: 14,
    retryFrom: 'server',
    retrust: true,
    sentNothing: true,
  },
  'signature-unavailable': {
    exit: 15,
    retryFrom: 'same',
    sentNothing: true,
  },
  'no-registration-window': {
    exit: 20,
    retryFrom: 'same',
  },
  'licence-missing': { exit: 21, retryFrom: 'none' },
  'already-registered': {
    exit: 22,
    retryFrom: 'same',
  },
  'instance-not-allowed': {
    exit: 29,
    retryFrom: 'none',
  },
  'request-not-found': {
    exit: 26,
    endsEntry: true,
    retryFrom: 'same',
  },
  'already-handed-out': {
    exit: 27,
    endsEntry: true,
    retryFrom: 'same',
  },
  'request-unconfirmed': {
    exit: 28,
    endsEntry: true,
    retryFrom: 'none',
  },
  rejected: {
    exit: 23,
    endsEntry: true,
    retryFrom: 'same',
  },
  'timed-out': { exit: 24, retryFrom: 'same' },
  cancelled: { exit: 25, retryFrom: 'same' },
  unauthorized: {
    exit: 30,
    verify: 'rejected',
    retryFrom: 'same',
  },
  'missing-scope': {
    exit: 31,
    verify: 'missing-scope',
    retryFrom: 'same',
  },
  'version-problem': {
    exit: 40,
    retryFrom: 'server',
  },
  validation: {
    exit: 41,
    retryFrom: 'same',
  },
  'server-error': {
    exit: 42,
    transient: true,
    verify: 'unreachable',
    retryFrom: 'same',
  },
  'bad-response': {
    exit: 43,
    transient: true,
    verify: 'unreachable',
    retryFrom: 'same',
  },
  'manifest-invalid': {
    exit: 3,
    retryFrom: 'none',
  },
  'keychain-unavailable': {
    exit: 50,
    retryFrom: 'same',
  },
  'key-not-stored': {
    exit: 53,
    endsEntry: true,
    retryFrom: 'same',
  },
  'storage-failed': {
    exit: 51,
    retryFrom: 'same',
  },
  'not-registered': {
    exit: 52,
    retryFrom: 'same',
  },
  'no-server-found': {
    exit: 10,
    retryFrom: 'server',
  },
  'several-servers': {
    exit: 11,
    retryFrom: 'server',
  },
  'invalid-address': {
    exit: 12,
    retryFrom: 'server',
  },
  'invalid-input': { exit: 2, retryFrom: 'none' },
  // A second launch of the desktop app that the running helper did not take over (it runs a flow, or
  // the launch asked for nothing): nothing was started for it.
  'already-running': {
    exit: 60,
    retryFrom: 'none',
  },
  internal: { exit: 1, retryFrom: 'same' },
} as const satisfies Record<string, ErrorMeta>;

export type ErrorCode = keyof typeof ERROR_META;
export const ERROR_CODES = Object.keys(ERROR_META) as [ErrorCode, ...ErrorCode[]];

const meta = (code: ErrorCode): ErrorMeta => ERROR_META[code];

/** Process exit codes: one per outcome, plus success and a usage error. */
export const EXIT_CODES: Record<ErrorCode | 'ok' | 'usage', number> = {
  ok: 0,
  usage: 2,
  ...(Object.fromEntries(ERROR_CODES.map((c) => [c, meta(c).exit])) as Record<ErrorCode, number>),
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_META, value);
}

/** Polls and removal waits survive it: retried with backoff. */
export const isTransient = (code: ErrorCode): boolean => meta(code).transient === true;

/** No pending entry is left after it. */
export const endsEntry = (code: ErrorCode): boolean => meta(code).endsEntry === true;

/** What a key check reports for it; undefined: the check fails with the error itself. */
export const verifyReport = (code: ErrorCode): VerifyReport | undefined => meta(code).verify;

export const retryFrom = (code: ErrorCode): RetryFrom => meta(code).retryFrom;

export const canRetrust = (code: ErrorCode): boolean => meta(code).retrust === true;

/** Nothing reached the server before it. */
export const sentNothing = (code: ErrorCode): boolean => meta(code).sentNothing === true;

/** The error code a verify result stands for (for the exit code and the text), or none when it works. */
export function verifyErrorCode(
  result: VerifyReport | 'works' | 'certificate-changed',
): ErrorCode | undefined {
  if (result === 'works') return undefined;
  return result === 'rejected' ? 'unauthorized' : result;
}
