// One HTTP exchange with a Wawi server, done defensively: connect and response timeouts, a size cap,
// no redirects followed, bodies parsed as JSON only when they are JSON.
import type { Dispatcher } from 'undici';
import { HelperError, isAbort, isHelperError } from '../errors';
import { inspectCertificate, PinMismatchError, pinnedConnector } from './tls';

export interface HttpOptions {
  connectTimeoutMs?: number;
  /** Longest silence while waiting for the headers or between two pieces of the body. */
  responseTimeoutMs?: number;
  /** Longest time for the whole exchange: a server that drips its answer cannot hold a step. */
  requestTimeoutMs?: number;
  maxBytes?: number;
  /**
   * https: accept exactly the certificate with this SHA-256 fingerprint (the merchant trusted it),
   * instead of what the OS trusts.
   */
  certificatePin?: string;
  /** For tests: a dispatcher of their own. */
  dispatcher?: Dispatcher;
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or undefined for an empty or non-JSON body. */
  json: unknown;
  kind: 'json' | 'empty' | 'html' | 'text' | 'malformed';
}

export const DEFAULTS = {
  connectTimeoutMs: 3000,
  responseTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxBytes: 1024 * 1024,
};

/**
 * undici, loaded with the first exchange: commands that send nothing (list, status) start without it.
 * It is CommonJS: in the CLI's bundle a dynamic import hands it over as the default export.
 */
type Undici = typeof import('undici');
let undici: Promise<Undici> | undefined;
const loadUndici = () =>
  (undici ??= import('undici').then((m) => (m.Agent ? m : (m as unknown as { default: Undici }).default)));

const agents = new Map<string, Dispatcher>();
async function agentFor(o: HttpOptions): Promise<Dispatcher> {
  if (o.dispatcher) return o.dispatcher;
  const { Agent, buildConnector } = await loadUndici();
  const connect = o.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs;
  const key = `${connect}|${o.certificatePin ?? ''}`;
  let a = agents.get(key);
  if (!a) {
    a = new Agent({
      connect: o.certificatePin
        ? pinnedConnector(buildConnector, o.certificatePin, connect)
        : { timeout: connect, rejectUnauthorized: true },
      keepAliveTimeout: 2000,
    });
    agents.set(key, a);
  }
  return a;
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|DEPTH_ZERO/;

export async function httpRequest(
  url: string,
  init: {
    method?: 'GET' | 'POST' | 'DELETE';
    headers?: Record<string, string>;
    body?: string;
    signal?: AbortSignal;
    address: string;
  },
  o: HttpOptions = {},
): Promise<HttpResult> {
  const maxBytes = o.maxBytes ?? DEFAULTS.maxBytes;
  const timeout = o.responseTimeoutMs ?? DEFAULTS.responseTimeoutMs;
  const params = { address: init.address };
  const totalMs = o.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs;
  const deadline = AbortSignal.timeout(totalMs);
  const signal = AbortSignal.any([...(init.signal ? [init.signal] : []), deadline]);
  // The exchange's own deadline is a server fault (retried like one); the caller's abort stays an abort.
  const overdue = (err: unknown) =>
    deadline.aborted && !init.signal?.aborted
      ? new HelperError('unreachable', {
          params: { ...params, reason: `no complete answer within ${Math.round(totalMs / 1000)} s` },
          cause: err,
        })
      : undefined;
  let res: Dispatcher.ResponseData;
  try {
    const { request } = await loadUndici();
    res = await request(url, {
      method: init.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...init.headers,
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body,
      signal,
      dispatcher: await agentFor(o),
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
  } catch (err) {
    const late = overdue(err);
    if (late) throw late;
    if (isAbort(err, init.signal)) throw err;
    const code = String((err as { code?: string }).code ?? '');
    if (err instanceof PinMismatchError) {
      throw new HelperError('certificate-changed', {
        params: {
          ...params,
          expected: err.expected,
          fingerprint: err.actual,
          subject: err.certificate?.subject ?? '',
        },
        cause: err,
      });
    }
    if (TLS_CODES.test(code)) throw await untrusted(url, params, err, init.signal);
    throw new HelperError('unreachable', {
      params: { ...params, reason: code || (err as Error).message },
      cause: err,
    });
  }

  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        res.body.destroy();
        throw new HelperError('bad-response', {
          status: res.statusCode,
          params: { ...params, reason: `answer larger than ${maxBytes} bytes` },
        });
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (isHelperError(err)) throw err;
    const late = overdue(err);
    if (late) throw late;
    if (isAbort(err, init.signal)) throw err;
    throw new HelperError('unreachable', {
      params: { ...params, reason: (err as { code?: string }).code ?? 'connection lost' },
      cause: err,
    });
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const type = String(res.headers['content-type'] ?? '');
  let json: unknown;
  let kind: HttpResult['kind'];
  if (text.trim() === '') kind = 'empty';
  else if (/html/i.test(type) || /^\s*<(!doctype|html)/i.test(text)) kind = 'html';
  else {
    try {
      json = JSON.parse(text);
      // Wawi's answers nest a few levels; a far deeper one is absurd, and reading it recursively later
      // would overflow the stack: it is treated as a malformed answer (a passing fault), not a crash.
      kind = nestedDeeperThan(json, MAX_JSON_DEPTH) ? 'malformed' : 'json';
      if (kind === 'malformed') json = undefined;
    } catch {
      kind = /json/i.test(type) ? 'malformed' : 'text';
    }
  }
  return { status: res.statusCode, headers: res.headers, json, kind };
}

const MAX_JSON_DEPTH = 64;

/** True when arrays and objects nest deeper than `max` (checked without recursion). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The OS does not trust the certificate: the error says which one it is (fingerprint, subject). */
async function untrusted(url: string, params: Record<string, string>, cause: unknown, signal?: AbortSignal) {
  const u = new URL(url);
  const seen = await inspectCertificate(u.hostname, Number(u.port || 443), { timeoutMs: 3000, signal }).catch(
    () => undefined,
  );
  return new HelperError('tls-untrusted', {
    params: { ...params, ...(seen ? { fingerprint: seen.fingerprint, subject: seen.subject } : {}) },
    cause,
  });
}

/** Retry-After in seconds or as an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}
