// What every error code means, in one table: its process exit code, how a flow treats it and where the
// app may go on from. Every other list of codes is derived from here. Plain data (no zod), so the
// preload and the renderer can use it without a schema library.
import type { Lang } from '../lang';

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
  /** The outcome in a few words, for the CLI's list of exit codes (its help, in either language). */
  outcome: Record<Lang, string>;
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
    outcome: { en: 'server unreachable', de: 'Wawi-REST-Server nicht erreichbar' },
    transient: true,
    verify: 'unreachable',
    retryFrom: 'same',
  },
  'tls-untrusted': {
    exit: 10,
    outcome: { en: 'certificate not trusted', de: 'Zertifikat nicht vertrauenswürdig' },
    retryFrom: 'server',
    retrust: true,
    sentNothing: true,
  },
  'certificate-changed': {
    exit: 13,
    outcome: { en: 'certificate changed (nothing sent)', de: 'Zertifikat geändert (nichts gesendet)' },
    retryFrom: 'server',
    retrust: true,
    sentNothing: true,
  },
  'insecure-http': {
    exit: 14,
    outcome: {
      en: 'plain http to another computer not allowed',
      de: 'unverschlüsseltes http zu einem anderen Computer nicht erlaubt',
    },
    retryFrom: 'server',
    retrust: true,
    sentNothing: true,
  },
  'signature-unavailable': {
    exit: 15,
    outcome: { en: "the app's signature could not be had", de: 'keine Signatur für die App erhalten' },
    retryFrom: 'same',
    sentNothing: true,
  },
  'no-registration-window': {
    exit: 20,
    outcome: { en: 'no registration window open in Wawi', de: 'kein Registrierungsdialog in JTL-Wawi offen' },
    retryFrom: 'same',
  },
  'licence-missing': { exit: 21, outcome: { en: 'licence missing', de: 'Lizenz fehlt' }, retryFrom: 'none' },
  'already-registered': {
    exit: 22,
    outcome: { en: 'already registered', de: 'bereits registriert' },
    retryFrom: 'same',
  },
  'instance-not-allowed': {
    exit: 29,
    outcome: { en: 'no further instance allowed', de: 'keine weitere Instanz erlaubt' },
    retryFrom: 'none',
  },
  'request-not-found': {
    exit: 26,
    outcome: { en: 'request not found', de: 'Anfrage nicht gefunden' },
    endsEntry: true,
    retryFrom: 'same',
  },
  'already-handed-out': {
    exit: 27,
    outcome: { en: 'key already handed out', de: 'Schlüssel bereits ausgegeben' },
    endsEntry: true,
    retryFrom: 'same',
  },
  'request-unconfirmed': {
    exit: 28,
    outcome: {
      en: 'an earlier request may be waiting in Wawi',
      de: 'eine frühere Anfrage wartet eventuell in JTL-Wawi',
    },
    endsEntry: true,
    retryFrom: 'none',
  },
  rejected: {
    exit: 23,
    outcome: { en: 'rejected in Wawi', de: 'in JTL-Wawi abgelehnt' },
    endsEntry: true,
    retryFrom: 'same',
  },
  'timed-out': { exit: 24, outcome: { en: 'timed out', de: 'Wartezeit abgelaufen' }, retryFrom: 'same' },
  cancelled: { exit: 25, outcome: { en: 'cancelled', de: 'abgebrochen' }, retryFrom: 'same' },
  unauthorized: {
    exit: 30,
    outcome: { en: 'key rejected (401)', de: 'Schlüssel abgelehnt (401)' },
    verify: 'rejected',
    retryFrom: 'same',
  },
  'missing-scope': {
    exit: 31,
    outcome: { en: 'scope missing', de: 'Berechtigung fehlt' },
    verify: 'missing-scope',
    retryFrom: 'same',
  },
  'version-problem': {
    exit: 40,
    outcome: { en: 'API version problem', de: 'Problem mit der API-Version' },
    retryFrom: 'server',
  },
  validation: {
    exit: 41,
    outcome: { en: 'validation error', de: 'Angaben von JTL-Wawi abgelehnt' },
    retryFrom: 'same',
  },
  'server-error': {
    exit: 42,
    outcome: { en: 'server error', de: 'Serverfehler' },
    transient: true,
    verify: 'unreachable',
    retryFrom: 'same',
  },
  'bad-response': {
    exit: 43,
    outcome: { en: 'unexpected answer', de: 'unerwartete Antwort' },
    transient: true,
    verify: 'unreachable',
    retryFrom: 'same',
  },
  'manifest-invalid': {
    exit: 3,
    outcome: { en: 'manifest invalid', de: 'Manifest ungültig' },
    retryFrom: 'none',
  },
  'keychain-unavailable': {
    exit: 50,
    outcome: { en: 'keychain unavailable', de: 'Schlüsselspeicher nicht verfügbar' },
    retryFrom: 'same',
  },
  'key-not-stored': {
    exit: 53,
    outcome: {
      en: 'key accepted but not stored (lost)',
      de: 'Schlüssel angenommen, aber nicht gespeichert (verloren)',
    },
    endsEntry: true,
    retryFrom: 'same',
  },
  'storage-failed': {
    exit: 51,
    outcome: { en: 'storage failed', de: 'Speichern fehlgeschlagen' },
    retryFrom: 'same',
  },
  'not-registered': {
    exit: 52,
    outcome: { en: 'not registered on this computer', de: 'auf diesem Computer nicht registriert' },
    retryFrom: 'same',
  },
  'no-server-found': {
    exit: 10,
    outcome: { en: 'no server found', de: 'kein Wawi-REST-Server gefunden' },
    retryFrom: 'server',
  },
  'several-servers': {
    exit: 11,
    outcome: { en: 'several servers', de: 'mehrere Wawi-REST-Server' },
    retryFrom: 'server',
  },
  'invalid-address': {
    exit: 12,
    outcome: { en: 'invalid address', de: 'ungültige Adresse' },
    retryFrom: 'server',
  },
  'invalid-input': { exit: 2, outcome: { en: 'usage', de: 'Aufruf fehlerhaft' }, retryFrom: 'none' },
  // A second launch of the desktop app that the running helper did not take over (it runs a flow, or
  // the launch asked for nothing): nothing was started for it.
  'already-running': {
    exit: 60,
    outcome: {
      en: 'the helper already runs: nothing started',
      de: 'der Helfer läuft bereits: nichts gestartet',
    },
    retryFrom: 'none',
  },
  internal: { exit: 1, outcome: { en: 'unexpected', de: 'unerwarteter Fehler' }, retryFrom: 'same' },
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

/** Each exit code with its outcomes, in order: the CLI's help lists these (README's table is tested against them). */
export function exitOutcomes(lang: Lang = 'en'): [number, string][] {
  const byExit = new Map<number, string[]>([[0, ['ok']]]);
  for (const code of ERROR_CODES) {
    const { exit } = meta(code);
    const outcome = meta(code).outcome[lang];
    const list = byExit.get(exit) ?? [];
    if (!list.includes(outcome)) list.push(outcome);
    byExit.set(exit, list);
  }
  return [...byExit].sort(([a], [b]) => a - b).map(([exit, list]) => [exit, list.join(' / ')]);
}

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
