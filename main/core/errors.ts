import { ERROR_CODES, type ErrorCode } from '../../shared/errors/meta';
import type { SerializedError } from '../../shared/errors/schema';
import { errorText } from '../../shared/errors/text';
import { redactText } from './log/logger';

/** Params and fields can hold what a server sent back (a hostile one may echo a secret): redacted. */
function clean<T extends Record<string, string | string[]>>(values: T | undefined): T | undefined {
  if (!values) return undefined;
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      redactText(k),
      Array.isArray(v) ? v.map(redactText) : redactText(v),
    ]),
  ) as T;
}

/** A typed error the UI and CLI can translate. Its message never contains a key or challenge code. */
export class HelperError extends Error {
  readonly code: ErrorCode;
  readonly status?: number;
  readonly fields?: Record<string, string[]>;
  readonly params?: Record<string, string>;
  /** For transient server errors: how long the server asked us to wait. */
  readonly retryAfterMs?: number;

  constructor(
    code: ErrorCode,
    init: {
      status?: number;
      fields?: Record<string, string[]>;
      params?: Record<string, string>;
      retryAfterMs?: number;
      cause?: unknown;
    } = {},
  ) {
    const fields = clean(init.fields);
    const params = clean(init.params);
    const t = errorText({ code, status: init.status, fields, params }, 'en');
    super(
      redactText(`${t.title}: ${t.detail}${t.technical ? ` (${t.technical})` : ''}`),
      init.cause !== undefined ? { cause: init.cause } : undefined,
    );
    this.name = 'HelperError';
    this.code = code;
    this.status = init.status;
    this.fields = fields;
    this.params = params;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** What leaves the core (IPC, events, --json): redacted again, for secrets learned since. */
  toJSON(): SerializedError {
    return {
      code: this.code,
      message: redactText(this.message),
      ...(this.status !== undefined ? { status: this.status } : {}),
      ...(this.fields ? { fields: clean(this.fields) } : {}),
      ...(this.params ? { params: clean(this.params) } : {}),
    };
  }
}

/**
 * True for a HelperError, also one from another copy of this module (another bundle or loader):
 * `instanceof` alone is not enough across module instances.
 */
export function isHelperError(err: unknown): err is HelperError {
  if (err instanceof HelperError) return true;
  if (!(err instanceof Error) || err.name !== 'HelperError') return false;
  const e = err as Error & { code?: unknown; toJSON?: unknown };
  return typeof e.toJSON === 'function' && (ERROR_CODES as readonly unknown[]).includes(e.code);
}

/** Turns anything thrown into a HelperError (unknown errors become `internal`). */
export function asHelperError(err: unknown): HelperError {
  if (isHelperError(err)) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new HelperError('internal', { params: { reason }, cause: err });
}

export function isAbort(err: unknown, signal?: AbortSignal): boolean {
  return (
    signal?.aborted === true ||
    (err instanceof Error &&
      (err.name === 'AbortError' || (err as { code?: string }).code === 'UND_ERR_ABORTED'))
  );
}

/** The same error with more (non-secret) parameters for its text. */
export function withParams(err: HelperError, params: Record<string, string>): HelperError {
  return new HelperError(err.code, {
    status: err.status,
    fields: err.fields,
    params: { ...err.params, ...params },
    retryAfterMs: err.retryAfterMs,
    cause: err.cause,
  });
}

/** "No key for <AppId> at <server> on this computer", from a keychain account name. */
export function notRegistered(account: string): HelperError {
  const at = account.lastIndexOf('@');
  return new HelperError('not-registered', {
    params:
      at > 0
        ? { appId: account.slice(0, at), address: account.slice(at + 1) }
        : { appId: account, address: '?' },
  });
}
