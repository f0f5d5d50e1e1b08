// wawi-register: the headless CLI on top of main/core, for IT admins and scripted onboarding.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { EXIT_CODES, errorText, keychainName, type Lang } from '../../shared/errors';
import type { AppManifest } from '../../shared/manifest';
import { printable, printableLines } from '../../shared/printable';
import { type FlowEvent, keyWaiting, type RegistrationRecord } from '../../shared/registration';
import { formatDateTime } from '../../shared/time';
import { accountName, hasScheme, isLoopback, parseWawiAddress, type WawiServer } from '../core/address';
import { type DiscoveredServer, discover, probeServer } from '../core/discovery';
import { asHelperError, HelperError, notRegistered } from '../core/errors';
import type { Core } from '../core/flows';
import { createCore } from '../core/index';
import { loadManifest } from '../core/manifest-file';
import { systemLang, TEXTS } from './texts';
import { trustCommand } from './trust-command';

export interface CliIO {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Called with a function that cancels the running command (SIGINT). */
  onInterrupt?: (cancel: () => void) => void;
  /** For `--demo` and `sim`: starts the Wawi simulator (kept out of the core). */
  startSim?: (options: Record<string, unknown>) => Promise<{
    apiUrl(db?: string): string;
    adminUrl: string;
    url: string;
    close(): Promise<void>;
    setWindow(db: string, open: boolean): void;
  }>;
  demoManifest?: () => AppManifest;
}

export const USAGE = `wawi-register: connect an app to JTL-Wawi; the API key is kept in the OS keychain.

Usage: wawi-register <command> [options]

Commands:
  discover                      find Wawi REST servers on this computer (127.0.0.1:5883, :64110)
  register --manifest <file>    register the app described by the manifest
           [--wawi <address>] [--timeout <duration>] [--show-key]
  register --demo               register a demo app against an embedded simulator
  status                        registrations waiting for acceptance (pending)
  resume                        continue the pending registrations (all at once)
  discard --app <AppId> [--wawi <address>]
                                drop a pending registration on this computer
  list [--verify]               registrations on this computer
  verify --app <AppId> [--wawi <address>]
  rotate --app <AppId> [--wawi <address>] [--manifest <file>]
  revoke --app <AppId> [--wawi <address>] [--local-only]
  trust --app <AppId> [--wawi <address>] [--certificate-fingerprint <sha256>] [--allow-insecure-http]
                                trust a registered server again (renewed certificate, plain http);
                                shows the trusted and the presented fingerprint first
  check-manifest --manifest <file>   check a manifest without sending anything
  sim [--port 5883] [--db <name>] [--auto-accept <ms>] [--state <file>]

Options:
  --wawi <address>        e.g. 127.0.0.1:5883 or http://wawi-server:5883/api/Mandant_2
  --allow-self-signed     register: trust a certificate this computer does not trust (self-signed),
                          pinning the one presented now; prints its SHA-256 fingerprint
  --certificate-fingerprint <sha256>
                          register, trust: accept exactly the certificate with this fingerprint
  --allow-insecure-http   register, trust: allow plain http to another computer (unencrypted!)
  --timeout <duration>    how long to wait for acceptance or removal (default 15m; e.g. 90s, 10m)
  --json                  machine-readable output on stdout (one JSON document)
  --lang de|en            language (default: from the system)
  --verbose               log to stderr as well
  --show-key              print the API key after registering (with a warning)
  -h, --help              this help

Exit codes: 0 ok, 2 usage, 3 manifest invalid, 10 unreachable / no server, 11 several servers,
12 invalid address, 13 certificate changed, 14 plain http not allowed, 20 no registration window, 21 licence missing, 22 already registered,
23 rejected, 24 timed out, 25 cancelled, 26 request not found, 27 key already handed out,
28 an earlier request may be waiting in Wawi, 30 key rejected (401), 31 scope missing,
40-43 server/protocol problems, 50 keychain unavailable, 51 storage failed,
52 not registered on this computer, 53 key accepted but not stored (lost), 1 unexpected.

Ctrl+C stops waiting; a request that is still waiting in JTL-Wawi is kept, and "resume" collects
its key later. While an accepted key waits for a locked keychain, Ctrl+C first only warns.`;

const OPTIONS = {
  manifest: { type: 'string' },
  wawi: { type: 'string', multiple: true },
  app: { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  verbose: { type: 'boolean' },
  'show-key': { type: 'boolean' },
  'allow-self-signed': { type: 'boolean' },
  'certificate-fingerprint': { type: 'string' },
  'allow-insecure-http': { type: 'boolean' },
  'local-only': { type: 'boolean' },
  verify: { type: 'boolean' },
  demo: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  // sim
  port: { type: 'string' },
  host: { type: 'string' },
  db: { type: 'string', multiple: true },
  'auto-accept': { type: 'string' },
  state: { type: 'string' },
} as const;

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
  return ms;
}

function mmss(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export class Output {
  private spinnerTimer?: NodeJS.Timeout;
  private spinnerText = '';
  private frame = 0;
  private lastLine = 0;

  constructor(
    private readonly io: CliIO,
    readonly json: boolean,
    readonly lang: Lang,
  ) {}

  get t() {
    return TEXTS[this.lang];
  }

  private get tty() {
    return !this.json && this.io.stderr.isTTY === true;
  }

  /** Human progress goes to stderr, so stdout carries only results (and --json). */
  // Lines can hold what a server sent (names, versions, certificate subjects): printed without
  // escape sequences or control characters.
  say(line: string) {
    if (this.json) return;
    this.stopSpinner();
    this.io.stderr.write(`${printableLines(line)}\n`);
  }

  result(line: string) {
    if (this.json) return;
    this.stopSpinner();
    this.io.stdout.write(`${printableLines(line)}\n`);
  }

  progress(text: string, startedAt: number) {
    if (this.json) return;
    if (this.tty) {
      this.spinnerText = text;
      if (!this.spinnerTimer) {
        const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
        this.spinnerTimer = setInterval(() => {
          this.frame = (this.frame + 1) % frames.length;
          this.io.stderr.write(
            `\r\x1b[2K${frames[this.frame]} ${printable(this.spinnerText)} ${mmss(Date.now() - startedAt)}`,
          );
        }, 100);
        this.spinnerTimer.unref();
      }
      return;
    }
    // Plain lines: on change, and every 10 s while it lasts.
    const now = Date.now();
    if (text !== this.spinnerText || now - this.lastLine >= 10_000) {
      this.spinnerText = text;
      this.lastLine = now;
      this.io.stderr.write(`${printable(text)} (${mmss(now - startedAt)})\n`);
    }
  }

  stopSpinner() {
    if (this.spinnerTimer) {
      clearInterval(this.spinnerTimer);
      this.spinnerTimer = undefined;
      this.io.stderr.write('\r\x1b[2K');
    }
  }

  done(doc: Record<string, unknown>) {
    this.document({ ok: true, ...doc });
  }

  /** The one --json document of a command. */
  document(doc: Record<string, unknown>) {
    this.stopSpinner();
    if (this.json) this.io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  }

  fail(err: HelperError): number {
    this.stopSpinner();
    const exitCode = EXIT_CODES[err.code];
    const text = errorText(err, this.lang);
    if (this.json) {
      this.document({ ok: false, exitCode, error: describeError(err, this.lang) });
    } else {
      this.io.stderr.write(
        printableLines(`\n✖ ${text.title}\n  ${text.detail}\n  ${this.t.next}: ${text.next}\n`),
      );
    }
    return exitCode;
  }
}

/** An error as --json shows it: code, status, params and its texts. */
function describeError(err: HelperError, lang: Lang) {
  const text = errorText(err, lang);
  return { ...err.toJSON(), title: text.title, detail: text.detail, next: text.next };
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    io.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return EXIT_CODES.usage;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || !command) {
    (command || values.help ? io.stdout : io.stderr).write(`${USAGE}\n`);
    return values.help ? 0 : EXIT_CODES.usage;
  }
  if (values.lang && values.lang !== 'de' && values.lang !== 'en') {
    io.stderr.write(`--lang takes de or en, not "${values.lang}".\n`);
    return EXIT_CODES.usage;
  }
  const lang: Lang = (values.lang as Lang | undefined) ?? systemLang(io.env);
  const out = new Output(io, values.json === true, lang);
  const controller = new AbortController();
  const giveUp = new AbortController();
  const live: LiveState = {};
  io.onInterrupt?.(() => {
    // An accepted key that waits for the keychain is lost when we stop: warn first, give up on the
    // second press. Anything else stops at once (a waiting request stays pending).
    if (live.keyWaiting && !live.warned) {
      live.warned = true;
      out.say(out.t.giveUpWarning);
      return;
    }
    if (live.keyWaiting) giveUp.abort();
    controller.abort();
  });

  const misplaced = misplacedTrustFlag(command, values);
  if (misplaced) {
    io.stderr.write(`${misplaced}\n`);
    return EXIT_CODES.usage;
  }
  let demoSim: Awaited<ReturnType<NonNullable<CliIO['startSim']>>> | undefined;
  try {
    if (command === 'sim') return await simCommand(values, io, out);
    const { core, vault } = createCore({ verbose: values.verbose });
    const ctx: Ctx = {
      core,
      out,
      io,
      values,
      signal: controller.signal,
      giveUp: giveUp.signal,
      live,
      service: vault.service,
    };
    switch (command) {
      case 'discover':
        return await discoverCommand(ctx);
      case 'register': {
        if (values.demo) {
          if (!io.startSim || !io.demoManifest)
            throw new HelperError('invalid-input', {
              params: { reason: '--demo is not available in this build.' },
            });
          demoSim = await io.startSim({ port: 0 });
          demoSim.setWindow('eazybusiness', true);
          out.say(out.t.demoStart(demoSim.adminUrl));
          return await registerCommand(
            ctx,
            { manifest: io.demoManifest(), warnings: [] },
            parseWawiAddress(demoSim.apiUrl()),
            true,
          );
        }
        if (!values.manifest)
          throw new HelperError('invalid-input', {
            params: { reason: 'register needs --manifest <file> (or --demo).' },
          });
        const loaded = loadManifest(values.manifest);
        return await registerCommand(ctx, loaded, await pickServer(ctx));
      }
      case 'check-manifest':
        return checkManifestCommand(ctx);
      case 'status':
        return await statusCommand(ctx);
      case 'resume':
        return await resumeCommand(ctx);
      case 'discard':
        return await discardCommand(ctx);
      case 'list':
        return await listCommand(ctx);
      case 'verify':
        return await verifyCommand(ctx);
      case 'rotate':
        return await rotateCommand(ctx);
      case 'revoke':
        return await revokeCommand(ctx);
      case 'trust':
        return await trustCommand(ctx, pickAccount(ctx));
      default:
        io.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
        return EXIT_CODES.usage;
    }
  } catch (err) {
    return out.fail(asHelperError(err));
  } finally {
    out.stopSpinner();
    await demoSim?.close();
  }
}

export type Values = Record<string, string | boolean | string[] | undefined>;
export interface Ctx {
  core: Core;
  out: Output;
  io: CliIO;
  values: Values;
  signal: AbortSignal;
  /** Aborted when the user gives up storing an accepted key (second Ctrl+C after the warning). */
  giveUp: AbortSignal;
  live: LiveState;
  service: string;
}

/** What Ctrl+C needs to know about the running flow. */
interface LiveState {
  /** An accepted key waits for the keychain. */
  keyWaiting?: boolean;
  warned?: boolean;
}

/** The options every flow of a command gets. */
function flowOptions(ctx: Ctx, manifest?: Pick<AppManifest, 'DisplayName' | 'ProviderName'>) {
  const { values } = ctx;
  const timeoutMs = values.timeout ? parseDuration(values.timeout as string) : undefined;
  return {
    signal: ctx.signal,
    giveUp: ctx.giveUp,
    timeoutMs,
    storeTimeoutMs: timeoutMs,
    onEvent: follow(ctx.out, ctx.live, manifest),
  };
}

const wawiList = (v: Values) => (v.wawi as string[] | undefined) ?? [];

function candidates(env: NodeJS.ProcessEnv): string[] | undefined {
  return env.WAWI_REGISTER_CANDIDATES
    ? env.WAWI_REGISTER_CANDIDATES.split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
}

function describeServer(out: Output, s: DiscoveredServer): string {
  const transport = s.certificate
    ? s.certificate.trusted
      ? out.t.certTrusted
      : out.t.certUntrusted(s.certificate.fingerprint)
    : out.t.plainHttp;
  return `${s.baseUrl}  (database ${s.database}, JTL-Wawi ${s.wawiVersion ?? '?'})\n     ${transport}`;
}

async function discoverCommand({ out, io, values, signal }: Ctx): Promise<number> {
  const result = await discover({ candidates: candidates(io.env), extra: wawiList(values), signal });
  out.done({ servers: result.servers, other: result.other });
  if (result.servers.length === 0) out.result(out.t.noServers);
  else {
    out.result(out.t.foundServers);
    for (const [i, s] of result.servers.entries()) out.result(`  ${i + 1}. ${describeServer(out, s)}`);
  }
  if (result.other.length) {
    out.result(out.t.otherAnswers);
    for (const o of result.other) out.result(`  ${o.address}: ${o.reason}`);
  }
  return result.servers.length ? 0 : EXIT_CODES['no-server-found'];
}

export async function ask(io: CliIO, question: string): Promise<string> {
  const rl = createInterface({ input: io.stdin, output: io.stderr as NodeJS.WritableStream });
  try {
    return await new Promise((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
  }
}

/** The server to use: --wawi, else the only one discovery finds, else ask (TTY) or fail with the list. */
async function pickServer({ out, io, values, signal }: Ctx): Promise<WawiServer> {
  const given = wawiList(values);
  if (given.length > 1)
    throw new HelperError('invalid-input', { params: { reason: 'Give --wawi only once for this command.' } });
  // Without a scheme the address is probed over https and http (https wins); unanswered, as typed.
  if (given[0])
    return hasScheme(given[0])
      ? parseWawiAddress(given[0])
      : probeServer(given[0], {}, signal).then(
          (s) => parseWawiAddress(s.baseUrl),
          () => parseWawiAddress(given[0]!),
        );
  const { servers } = await discover({ candidates: candidates(io.env), signal });
  if (servers.length === 0) throw new HelperError('no-server-found');
  if (servers.length === 1) return parseWawiAddress(servers[0]!.baseUrl);
  const interactive = !out.json && io.stdin.isTTY === true && io.stderr.isTTY === true;
  if (!interactive)
    throw new HelperError('several-servers', {
      params: { servers: servers.map((s) => s.baseUrl).join(', ') },
    });
  out.say(out.t.foundServers);
  for (const [i, s] of servers.entries()) out.say(`  ${i + 1}. ${describeServer(out, s)}`);
  const answer = Number((await ask(io, out.t.choose)).trim());
  const chosen = servers[answer - 1];
  if (!chosen) throw new HelperError('invalid-input', { params: { reason: 'No server was chosen.' } });
  return parseWawiAddress(chosen.baseUrl);
}

/** Prints a flow's events as a person reads them. */
function follow(out: Output, live: LiveState, manifest?: Pick<AppManifest, 'DisplayName' | 'ProviderName'>) {
  let started = Date.now();
  let announced = false;
  let resumed = false;
  return (e: FlowEvent) => {
    if (e.state === 'sending' || e.state === 'checking') started = Date.now() - e.elapsedMs;
    live.keyWaiting = keyWaiting(e);
    if (e.resumedFrom && !resumed) {
      resumed = true;
      out.say(out.t.resuming(e.displayName, formatDateTime(e.resumedFrom, out.lang)));
    }
    switch (e.state) {
      case 'sending':
        if (e.transient?.code === 'no-registration-window') out.progress(out.t.waitingDialog, started);
        else if (!e.resumedFrom) out.say(out.t.sending);
        break;
      case 'waiting':
        if (!announced) {
          announced = true;
          out.say(out.t.lookFor(e.displayName, manifest?.ProviderName ?? e.appId));
        }
        if (e.transient) {
          const why = errorText(e.transient, out.lang).title;
          out.progress(out.t.retrying(why, Math.round((e.nextPollInMs ?? 0) / 1000)), started);
        } else out.progress(out.t.waiting, started);
        break;
      case 'awaiting-removal':
        if (e.oldKeyDead) out.say(`✔ ${out.t.oldKeyDead}`);
        else out.progress(out.t.waitingRemoval, started);
        break;
      case 'storing':
        if (!e.transient) out.say(out.t.storing);
        else {
          const reason = e.transient.params?.reason ?? e.transient.code;
          const text = errorText(e.transient, out.lang);
          out.say(out.t.keyWaiting(reason, text.next, Math.round((e.nextPollInMs ?? 0) / 1000)));
        }
        break;
      case 'verifying':
        out.say(out.t.verifying);
        break;
    }
  };
}

function printRecord(ctx: Ctx, r: RegistrationRecord) {
  const { out, io } = ctx;
  out.result(`✔ ${out.t.accepted}`);
  out.result(`  ${out.t.stored(keychainName(io.platform, out.lang), ctx.service, r.account)}`);
  out.result(`  ${out.t.verified(r.lastVerifyResult ?? 'unreachable')}`);
  out.result(`  ${out.t.granted}: ${r.grantedScopes.join(', ') || out.t.none}`);
}

async function registerCommand(
  ctx: Ctx,
  loaded: { manifest: AppManifest; warnings: { field: string; message: string }[] },
  server: WawiServer,
  demo = false,
): Promise<number> {
  const { core, out, values } = ctx;
  const { manifest, warnings } = loaded;
  for (const w of warnings) out.say(`! ${out.t.warningsHeader}: ${w.field} ${w.message}`);
  out.say(`${out.t.server}: ${server.baseUrl}`);
  out.say(`${out.t.app}: ${manifest.DisplayName} (${manifest.AppId})`);
  const trust = {
    allowSelfSigned: values['allow-self-signed'] === true,
    certificatePin: values['certificate-fingerprint'] as string | undefined,
    insecureHttp: values['allow-insecure-http'] === true,
  };
  if (server.protocol === 'http' && !isLoopback(server) && trust.insecureHttp)
    out.say(`! ${out.t.insecureWarning}`);
  if (!demo) out.say(out.t.prepare);
  // Starts, or goes on with the registration already pending for this app and server.
  const options = flowOptions(ctx, manifest);
  let pinShown = false;
  const record = await core.register(manifest, server, {
    ...options,
    trust,
    onEvent: (e) => {
      // A certificate pinned on first use is printed once, so it can be compared with the server's.
      if (e.server.certificatePin && !pinShown) {
        pinShown = true;
        out.say(out.t.pinnedNow(e.server.certificatePin));
      }
      options.onEvent(e);
    },
  });
  let key: string | undefined;
  if (values['show-key']) {
    key = (await ctx.core.deps.vault.get(record.account)) ?? undefined;
    ctx.io.stderr.write(`${out.t.showKeyWarning}\n`);
  }
  printRecord(ctx, record);
  if (key && !out.json) ctx.io.stdout.write(`${key}\n`);
  if (demo) {
    await core.forget(record.account);
    out.say(out.t.demoCleanup);
  }
  out.done({
    command: 'register',
    registration: record,
    keychain: { service: ctx.service, account: record.account },
    ...(key ? { apiKey: key } : {}),
    ...(demo ? { demo: true } : {}),
  });
  return 0;
}

function checkManifestCommand({ out, values }: Ctx): number {
  if (!values.manifest)
    throw new HelperError('invalid-input', { params: { reason: 'check-manifest needs --manifest <file>.' } });
  const loaded = loadManifest(values.manifest as string);
  for (const w of loaded.warnings) out.say(`! ${out.t.warningsHeader}: ${w.field} ${w.message}`);
  out.result(
    `✔ ${loaded.manifest.DisplayName} (${loaded.manifest.AppId}, ${loaded.manifest.Version}): ${loaded.path}`,
  );
  out.done({ command: 'check-manifest', appId: loaded.manifest.AppId, warnings: loaded.warnings });
  return 0;
}

async function statusCommand({ core, out }: Ctx): Promise<number> {
  const pending = await core.pendingViews();
  out.done({ command: 'status', pending });
  if (!pending.length) out.result(out.t.noPending);
  else {
    out.result(out.t.pendingHeader);
    for (const p of pending) {
      out.result(
        `  ${p.displayName} (${p.appId}), ${p.providerName}, ${out.t.version} ${p.appVersion}\n    → ${p.server.baseUrl}, ${formatDateTime(p.sentAt ?? p.startedAt, out.lang)}`,
      );
      out.result(`    ${p.requestConfirmed ? out.t.pendingConfirmed : out.t.pendingUnconfirmed(p.appId)}`);
    }
  }
  return 0;
}

async function resumeCommand(ctx: Ctx): Promise<number> {
  const { core, out } = ctx;
  const results = await core.resumePending(flowOptions(ctx));
  if (!results.length) {
    out.result(out.t.noPending);
    out.done({ command: 'resume', results: [] });
    return 0;
  }
  // The first failure decides the exit code, and --json says the same.
  const failed = results.find((r) => r.error)?.error;
  for (const r of results) {
    if (r.result) printRecord(ctx, r.result);
    else if (r.error && !out.json) out.fail(r.error);
  }
  const doc = {
    command: 'resume',
    results: results.map((r) => ({
      account: r.pending.account,
      ok: r.result !== undefined,
      ...(r.result ? { registration: r.result } : {}),
      ...(r.error ? { error: describeError(r.error, out.lang) } : {}),
    })),
  };
  if (!failed) {
    out.done(doc);
    return 0;
  }
  const exitCode = EXIT_CODES[failed.code];
  if (out.json) out.document({ ok: false, exitCode, ...doc });
  return exitCode;
}

async function discardCommand(ctx: Ctx): Promise<number> {
  const { core, out, values } = ctx;
  const p = await pickByApp(values, 'status', () => core.pendingViews());
  await core.discard(p.account);
  out.result(`✔ ${out.t.discarded(p.displayName, p.server.baseUrl, p.requestConfirmed)}`);
  out.done({ command: 'discard', account: p.account });
  return 0;
}

async function listCommand({ core, out, values, signal }: Ctx): Promise<number> {
  const list = await core.list({ verify: values.verify === true, signal });
  out.done({ command: 'list', registrations: list });
  if (!list.length) out.result(out.t.noRegistrations);
  else {
    out.result(out.t.listHeader);
    for (const r of list) {
      const status = out.t.status[r.lastVerifyResult ?? 'unknown'] ?? r.lastVerifyResult;
      out.result(
        `  ${r.displayName} (${r.appId})\n    ${r.server.baseUrl}  ·  ${status}  ·  key ${r.fingerprint}…  ·  ${r.grantedScopes.join(', ') || out.t.none}`,
      );
    }
  }
  return 0;
}

/**
 * The one entry an --app (and optional --wawi) names: a registration, or a pending registration. The
 * list is loaded only once the app is named.
 */
async function pickByApp<T extends { account: string; appId: string; server: { baseUrl: string } }>(
  values: Values,
  listCommand: 'list' | 'status',
  load: () => Promise<T[]>,
): Promise<T> {
  const appId = values.app as string | undefined;
  if (!appId)
    throw new HelperError('invalid-input', {
      params: { reason: `Name the app with --app <AppId> (see "wawi-register ${listCommand}").` },
    });
  const list = await load();
  const wawi = wawiList(values)[0];
  if (wawi) {
    const account = accountName(appId, parseWawiAddress(wawi));
    const r = list.find((x) => x.account === account);
    if (!r) throw notRegistered(account);
    return r;
  }
  const matches = list.filter((r) => r.appId === appId);
  if (matches.length === 0)
    throw new HelperError('not-registered', { params: { appId, address: 'any server' } });
  if (matches.length > 1) {
    throw new HelperError('several-servers', {
      params: { servers: matches.map((m) => m.server.baseUrl).join(', ') },
    });
  }
  return matches[0]!;
}

/** The registration an --app (and optional --wawi) names. */
function pickAccount({ core, values }: Ctx): Promise<RegistrationRecord> {
  return pickByApp(values, 'list', () => core.list());
}

async function verifyCommand(ctx: Ctx): Promise<number> {
  const r = await pickAccount(ctx);
  const { record, result } = await ctx.core.verify(r.account, ctx.signal);
  ctx.out.done({ command: 'verify', registration: record, result });
  ctx.out.result(
    ctx.out.t.verifyResult(
      `${record.displayName} (${record.server.baseUrl})`,
      ctx.out.t.status[result] ?? result,
    ),
  );
  if (result === 'works') return 0;
  const code = result === 'rejected' ? 'unauthorized' : result;
  if (!ctx.out.json) {
    const text = errorText({ code, params: { address: record.server.baseUrl } }, ctx.out.lang);
    ctx.out.say(`  ${text.detail}\n  ${ctx.out.t.next}: ${text.next}`);
  }
  return EXIT_CODES[code];
}

async function rotateCommand(ctx: Ctx): Promise<number> {
  const { core, out, values } = ctx;
  const r = await pickAccount(ctx);
  const manifest = values.manifest ? loadManifest(values.manifest as string).manifest : undefined;
  out.say(out.t.removeInWawi(r.displayName));
  const { confirmation, close } = enterConfirms(ctx);
  try {
    const record = await core.rotate(r.account, { ...flowOptions(ctx, manifest), manifest, confirmation });
    out.result(`✔ ${out.t.rotated}`);
    printRecord(ctx, record);
    out.done({ command: 'rotate', registration: record });
    return 0;
  } finally {
    close();
  }
}

/** On a terminal, Enter says "removed in Wawi" (rotate goes on; revoke checks at once). */
function enterConfirms({ out, io }: Ctx): { confirmation?: Promise<void>; close: () => void } {
  if (out.json || !io.stdin.isTTY) return { close: () => undefined };
  out.say(out.t.pressEnter);
  const rl = createInterface({ input: io.stdin });
  const confirmation = new Promise<void>((resolve) => rl.once('line', () => resolve()));
  return { confirmation, close: () => rl.close() };
}

/** The trust options belong to the commands that decide trust; elsewhere they would do nothing. */
function misplacedTrustFlag(command: string | undefined, values: Values): string | undefined {
  const allowed: Record<string, string[]> = {
    'allow-self-signed': ['register'],
    'certificate-fingerprint': ['register', 'trust'],
    'allow-insecure-http': ['register', 'trust'],
  };
  for (const [flag, commands] of Object.entries(allowed)) {
    if (values[flag] === undefined || commands.includes(command ?? '')) continue;
    return `--${flag} only applies to ${commands.join(' and ')}: a registration keeps the trust it was made with. To trust a renewed certificate or plain http for a registered app, run "wawi-register trust --app <AppId>".`;
  }
  return undefined;
}

async function revokeCommand(ctx: Ctx): Promise<number> {
  const { core, out, io, values } = ctx;
  const r = await pickAccount(ctx);
  if (values['local-only']) {
    await core.forget(r.account);
    out.result(`✔ ${out.t.forgotten}`);
    out.done({ command: 'revoke', localOnly: true, account: r.account });
    return 0;
  }
  out.say(out.t.removeInWawi(r.displayName));
  // Enter makes the helper check at once (over plain http the key is only sent then).
  const { confirmation, close } = enterConfirms(ctx);
  try {
    await core.revoke(r.account, { ...flowOptions(ctx), confirmation });
  } finally {
    close();
  }
  out.result(`✔ ${out.t.revoked(keychainName(io.platform, out.lang))}`);
  out.done({ command: 'revoke', localOnly: false, account: r.account });
  return 0;
}

async function simCommand(values: Values, io: CliIO, out: Output): Promise<number> {
  if (!io.startSim)
    throw new HelperError('invalid-input', {
      params: { reason: 'The simulator is not available in this build.' },
    });
  const port = values.port === undefined ? 5883 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new HelperError('invalid-input', {
      params: { reason: `--port must be a number from 0 to 65535.` },
    });
  const autoAccept = values['auto-accept'] === undefined ? undefined : Number(values['auto-accept']);
  const sim = await io.startSim({
    port,
    host: values.host ?? '127.0.0.1',
    databases: values.db,
    autoAcceptMs: autoAccept,
    stateFile: values.state,
  });
  for (const db of (values.db as string[] | undefined) ?? ['eazybusiness'])
    out.result(`Wawi simulator: ${sim.apiUrl(db)}/`);
  out.result(`Admin page:     ${sim.adminUrl}`);
  out.say(out.t.simRunning);
  await new Promise<void>((resolve) => io.onInterrupt?.(() => resolve()));
  await sim.close();
  return 0;
}
