// What every command works with: the service, output, streams, the parsed options, the flows' controls,
// and the options each flow gets.
import type { AppManifest } from '../../shared/manifest';
import { type FlowControl, HelperError, type RegistrationService } from '../core/index';
import type { CliIO } from './io';
import { follow } from './output/follow';
import type { Output } from './output/output';

/** The options as ./args/parse.ts reads them (camelCase), across commands. */
export interface Options {
  manifest?: string;
  wawi?: string[];
  app?: string;
  timeout?: string;
  json?: boolean;
  lang?: string;
  verbose?: boolean;
  resultFile?: string;
  showKey?: boolean;
  allowSelfSigned?: boolean;
  certificateFingerprint?: string;
  allowInsecureHttp?: boolean;
  localOnly?: boolean;
  verify?: boolean;
  demo?: boolean;
  anotherInstance?: boolean;
  /** register: wait for Wawi's registration dialog (default), or fail at once without it. */
  waitForDialog?: boolean;
  port?: string;
  host?: string;
  db?: string[];
  autoAccept?: string;
  state?: string;
}

export interface Ctx {
  core: RegistrationService;
  out: Output;
  io: CliIO;
  options: Options;
  /** Aborted by Ctrl+C (`control.signal`). */
  signal: AbortSignal;
  /** The command's flows: Ctrl+C cancels them, Enter says "now" or "removed in Wawi". */
  control: FlowControl;
}

/** The longest --timeout: longer is no wait anyone means, and past 24.8 days no timer can be set. */
const MAX_TIMEOUT_MS = 7 * 24 * 3_600_000;

export function parseDuration(s: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/i.exec(s);
  if (!m)
    throw new HelperError('invalid-input', {
      params: { reason: `"${s}" is not a duration (use e.g. 90s, 10m, 1h).` },
    });
  const n = Number(m[1]);
  const unit = (m[2] ?? 's').toLowerCase();
  const ms = unit === 'ms' ? n : unit === 's' ? n * 1000 : unit === 'h' ? n * 3_600_000 : n * 60_000;
  if (ms < 1000)
    throw new HelperError('invalid-input', {
      params: { reason: 'The timeout must be at least one second.' },
    });
  if (ms > MAX_TIMEOUT_MS)
    throw new HelperError('invalid-input', {
      params: { reason: 'The timeout may be at most 7 days (168h).' },
    });
  return ms;
}

/** The options every flow of a command gets; `waitingHint` is said once a request waits in Wawi. */
export function flowOptions(
  ctx: Ctx,
  manifest?: Pick<AppManifest, 'DisplayName' | 'ProviderName'>,
  waitingHint?: string,
) {
  const timeoutMs = ctx.options.timeout ? parseDuration(ctx.options.timeout) : undefined;
  return {
    ...ctx.control.options(follow(ctx.out, manifest, waitingHint)),
    timeoutMs,
    storeTimeoutMs: timeoutMs,
  };
}
