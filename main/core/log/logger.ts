// Structured log with levels, to a rotating file (and stderr when verbose). API keys, challenge codes,
// Authorization and x-challengecode values are redacted wherever they appear.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
export const REDACTED = '[redacted]';

/** Every secret this process has seen; redacted from every log line and error text. */
const secrets = new Set<string>();

export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 4) secrets.add(value);
}

const SECRET_KEY =
  /^(authorization|x-challengecode|challenge[-_]?code|api[-_]?key|apikey|token|secret|password|key)$/i;

export function redactText(text: string): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
  return (
    out
      // The key after "Wawi " only where it is an Authorization value, not after any word "Wawi".
      .replace(/(\bauthorization["']?\s*[:=]\s*["']?\s*Wawi\s+)[^\s"',;}]+/gi, `$1${REDACTED}`)
      .replace(/(x-challengecode["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi, `$1${REDACTED}`)
      .replace(/((?:api[-_]?key|challenge[-_]?code)["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi, `$1${REDACTED}`)
  );
}

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error)
    return { name: value.name, message: redactText(value.message), code: (value as { code?: unknown }).code };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? REDACTED : redact(v, depth + 1);
  return out;
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  /** Log file; rotated at maxBytes, keeping `keep` older files (helper.1.log …). */
  file?: string;
  level?: Level;
  /** Also write human-readable lines to this stream (e.g. process.stderr with --verbose). */
  stream?: { write(s: string): unknown };
  maxBytes?: number;
  keep?: number;
  now?: () => Date;
}

export function createLogger(options: LoggerOptions = {}, base: Record<string, unknown> = {}): Logger {
  const level = ORDER[options.level ?? 'info'];
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 5;
  const now = options.now ?? (() => new Date());
  let dirReady = false;

  function rotate(file: string) {
    try {
      if (statSync(file).size < maxBytes) return;
    } catch {
      return;
    }
    const older = (i: number) => file.replace(/(\.log)?$/, `.${i}$1`);
    rmSync(older(keep), { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(older(i), older(i + 1));
      } catch {
        // not there yet
      }
    }
    renameSync(file, older(1));
  }

  function write(lvl: Level, msg: string, fields?: Record<string, unknown>) {
    if (ORDER[lvl] < level) return;
    const entry = redact({ time: now().toISOString(), level: lvl, msg, ...base, ...fields }) as Record<
      string,
      unknown
    >;
    if (options.file) {
      try {
        if (!dirReady) {
          mkdirSync(dirname(options.file), { recursive: true });
          dirReady = true;
        }
        rotate(options.file);
        appendFileSync(options.file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
      } catch {
        // A log that cannot be written (full disk, no rights) must never break the flow.
      }
    }
    if (options.stream) {
      const { time, level: l, msg: m, ...rest } = entry;
      const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
      options.stream.write(`${String(time)} ${String(l).toUpperCase()} ${String(m)}${extra}\n`);
    }
  }

  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger(options, { ...base, ...fields }),
  };
}
