// One table of IPC handlers: validates every payload against shared/ipc.ts, calls the core, returns
// typed results or typed errors, and forwards flow events. No Electron import: the app's ipcMain and
// the browser tests use this very table.
import { randomUUID } from 'node:crypto';
import type { ErrorCode } from '../../shared/errors';
import {
  CHANNELS,
  type Channel,
  type Envelope,
  type Request,
  type Response,
  type UiLang,
} from '../../shared/ipc';
import type { AppManifest, ManifestProblem } from '../../shared/manifest';
import { type DiscoveredServer, FINAL_STATES, type FlowEvent, keyWaiting } from '../../shared/registration';
import { parseWawiAddress } from '../core/address';
import { discover as discoverServers, probeServer } from '../core/discovery';
import { asHelperError, HelperError, notRegistered } from '../core/errors';
import { type Core, type FlowOptions, Trigger } from '../core/flows';
import { registerSecret } from '../core/logger';

export interface LaunchState {
  action: 'register' | 'manage' | 'rotate' | 'revoke';
  manifest: AppManifest | null;
  manifestWarnings: ManifestProblem[];
  manifestError: HelperError | null;
  wawi: string | null;
  platform: string;
}

/**
 * The clipboard as the key needs it (main/electron/clipboard.ts, or a test stand-in): `writeSecret`
 * marks the entry so that clipboard history and cloud clipboard skip it where the OS knows that.
 */
export interface Clipboard {
  writeSecret(text: string): void | Promise<void>;
  readText(): string | Promise<string>;
  clear(): void | Promise<void>;
}

export interface HandlerDeps {
  core: Core;
  launch: LaunchState;
  clipboard: Clipboard;
  openExternal(url: string): Promise<void> | void;
  lang: { get(): UiLang; set(lang: UiLang): void };
  /** Addresses discovery probes (default 127.0.0.1:5883 and :64110). */
  discoveryCandidates?: string[];
  clipboardClearMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  /** Called with every flow's outcome (for the process exit code). */
  onOutcome?: (outcome: ErrorCode | 'ok') => void;
}

/** An error for a probed address without its details (reason, certificate): only what kind it is. */
function coarse(err: HelperError, address: string): HelperError {
  if (err.code === 'invalid-address') return err;
  const code = err.code === 'tls-untrusted' || err.code === 'unreachable' ? err.code : 'bad-response';
  const params: Record<string, string> = { address: address.slice(0, 120) };
  if (code === 'bad-response') params.reason = 'no JTL-Wawi answers there';
  return new HelperError(code, { params });
}

type Handler<C extends Channel> = (req: Request<C>) => Promise<Response<C>>;

export interface IpcHandlers {
  handle(channel: string, payload: unknown): Promise<Envelope>;
  subscribe(listener: (event: FlowEvent) => void): () => void;
  /** Cancels every running flow (window closed, app quitting). */
  cancelAll(): void;
  /** True while a flow runs. */
  busy(): boolean;
  /** True while an accepted key waits for the keychain: quitting now would lose it. */
  holdsUnstoredKey(): boolean;
  /** Clears the clipboard if it still holds a key copied here (on quit). */
  clearClipboard(): Promise<void>;
}

interface RunningFlow {
  abort: AbortController;
  giveUp: AbortController;
  retry: Trigger;
  /** The flow's latest event. */
  last?: FlowEvent;
  confirm?: () => void;
}

export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  const { core } = deps;
  const listeners = new Set<(e: FlowEvent) => void>();
  const flows = new Map<string, RunningFlow>();
  const clearMs = deps.clipboardClearMs ?? 60_000;
  const setTimer = deps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms).unref());
  /** The key last copied, while it may still be on the clipboard. */
  let copiedKey: string | undefined;
  /** Addresses main probed (discovery, a typed address) in this session, with what it saw there. */
  const probed = new Map<string, DiscoveredServer>();
  const remember = (s: DiscoveredServer) => {
    probed.set(s.baseUrl, s);
    return s;
  };

  /** Clears the clipboard only if it still holds the copied key (not what the merchant copied since). */
  async function clearCopiedKey(): Promise<void> {
    const key = copiedKey;
    if (!key) return;
    copiedKey = undefined;
    if ((await deps.clipboard.readText()) === key) await deps.clipboard.clear();
  }

  const emit = (e: FlowEvent) => {
    const running = flows.get(e.flowId);
    if (running) running.last = e;
    if (FINAL_STATES.includes(e.state))
      deps.onOutcome?.(
        e.state === 'accepted' || e.state === 'removed' ? 'ok' : (e.error?.code ?? 'internal'),
      );
    for (const l of listeners) {
      try {
        l(e);
      } catch {
        // a broken listener must not stop the flow
      }
    }
  };

  /**
   * Starts a flow in the background; its progress and end arrive as events. The app never gives up
   * storing an accepted key by itself: the merchant retries or, warned, gives up.
   */
  function runFlow(id: string, start: (opts: FlowOptions) => Promise<unknown>) {
    const running: RunningFlow = {
      abort: new AbortController(),
      giveUp: new AbortController(),
      retry: new Trigger(),
    };
    flows.set(id, running);
    void start({
      flowId: id,
      signal: running.abort.signal,
      giveUp: running.giveUp.signal,
      retryNow: running.retry,
      storeTimeoutMs: Number.POSITIVE_INFINITY,
      onEvent: emit,
    })
      .catch(() => {
        // the flow already reported its end as an event
      })
      .finally(() => flows.delete(id));
    return running;
  }

  function manifestOrThrow(): AppManifest {
    if (deps.launch.manifest) return deps.launch.manifest;
    throw (
      deps.launch.manifestError ??
      new HelperError('manifest-invalid', {
        params: { problems: 'The app was started without a manifest (--manifest <file>).' },
      })
    );
  }

  const table: { [C in Channel]: Handler<C> } = {
    'app:launch': async () => ({
      action: deps.launch.action,
      manifest: deps.launch.manifest,
      manifestWarnings: deps.launch.manifestWarnings,
      manifestError: deps.launch.manifestError?.toJSON() ?? null,
      wawi: deps.launch.wawi,
      lang: deps.lang.get(),
      platform: deps.launch.platform,
      keychainService: core.deps.vault.service,
    }),
    'servers:discover': async () => {
      const result = await discoverServers({
        candidates: deps.discoveryCandidates,
        extra: deps.launch.wawi ? [deps.launch.wawi] : [],
        http: core.deps.http,
      });
      result.servers.forEach(remember);
      return result;
    },
    'servers:check': async ({ address }) => {
      try {
        return { server: remember(await probeServer(address, core.deps.http)) };
      } catch (err) {
        // The renderer may probe any address it likes: it learns whether a Wawi answers, not why not.
        throw coarse(asHelperError(err), address);
      }
    },
    'registration:start': async ({ baseUrl, timeoutMs, certificatePin, insecureHttp }) => {
      const manifest = manifestOrThrow();
      const seen = probed.get(baseUrl);
      if (!seen)
        throw new HelperError('invalid-input', {
          params: { reason: 'This address was not checked in this session; search or check it first.' },
        });
      // Only the certificate main saw can be trusted from the app, and only what the merchant confirmed.
      if (certificatePin && certificatePin !== seen.certificate?.fingerprint)
        throw new HelperError('invalid-input', {
          params: { reason: 'The certificate to trust is not the one this server presented.' },
        });
      const server = parseWawiAddress(baseUrl);
      const flowId = randomUUID();
      runFlow(flowId, (opts) =>
        core.register(manifest, server, { ...opts, timeoutMs, trust: { certificatePin, insecureHttp } }),
      );
      return { flowId };
    },
    'registration:trust': async ({ account, certificatePin, insecureHttp }) => ({
      server: await core.trust(account, { certificatePin, insecureHttp }),
    }),
    'registrations:pending': async () => ({ pending: await core.pendingViews() }),
    'registration:resume': async ({ account }) => {
      const pending = (await core.pending()).find((p) => p.account === account);
      if (!pending) {
        throw notRegistered(account);
      }
      const flowId = randomUUID();
      runFlow(flowId, (opts) => core.resume(pending, opts));
      return { flowId };
    },
    'registration:discard': async ({ account }) => {
      await core.discard(account);
      return {};
    },
    'flow:cancel': async ({ flowId }) => {
      const running = flows.get(flowId);
      // While an accepted key waits for the keychain, cancelling means giving it up (the app warned).
      if (keyWaiting(running?.last)) running?.giveUp.abort();
      running?.abort.abort();
      return {};
    },
    'flow:retry': async ({ flowId }) => {
      flows.get(flowId)?.retry.fire();
      return {};
    },
    'registrations:list': async ({ verify }) => ({ registrations: await core.list({ verify }) }),
    'registration:verify': async ({ account }) => core.verify(account),
    'rotate:start': async ({ account }) => {
      const record = await core.record(account);
      const launchManifest = deps.launch.manifest?.AppId === record.appId ? deps.launch.manifest : undefined;
      const flowId = randomUUID();
      let confirm!: () => void;
      const confirmation = new Promise<void>((resolve) => {
        confirm = resolve;
      });
      const entry = runFlow(flowId, (opts) =>
        core.rotate(account, { ...opts, confirmation, manifest: launchManifest }),
      );
      entry.confirm = confirm;
      return { flowId };
    },
    'rotate:confirm-removed': async ({ flowId }) => {
      flows.get(flowId)?.confirm?.();
      return {};
    },
    'revoke:start': async ({ account }) => {
      await core.record(account);
      const flowId = randomUUID();
      let confirm!: () => void;
      const confirmation = new Promise<void>((resolve) => {
        confirm = resolve;
      });
      const entry = runFlow(flowId, (opts) => core.revoke(account, { ...opts, confirmation }));
      entry.confirm = confirm;
      return { flowId };
    },
    'registration:forget': async ({ account }) => {
      await core.forget(account);
      return {};
    },
    'key:copy': async ({ account }) => {
      // Only the key of the app that launched this helper: that vendor's app is waiting for it.
      const record = await core.record(account);
      if (!deps.launch.manifest || record.appId !== deps.launch.manifest.AppId)
        throw new HelperError('invalid-input', {
          params: { reason: 'Only the key of the app that started this helper can be copied.' },
        });
      const key = await core.deps.vault.get(account);
      if (!key) {
        throw notRegistered(account);
      }
      registerSecret(key);
      await deps.clipboard.writeSecret(key);
      copiedKey = key;
      core.deps.logger.info('key copied to the clipboard', { account });
      setTimer(() => {
        if (copiedKey === key) void clearCopiedKey();
      }, clearMs);
      return { clearAfterMs: clearMs };
    },
    'key:clear': async () => {
      await clearCopiedKey();
      return {};
    },
    'lang:get': async () => ({ lang: deps.lang.get() }),
    'lang:set': async ({ lang }) => {
      deps.lang.set(lang);
      return { lang };
    },
    'app:open-website': async () => {
      const url = deps.launch.manifest?.ProviderWebsite;
      if (!url)
        throw new HelperError('invalid-input', { params: { reason: 'No provider website is known.' } });
      const parsed = new URL(url);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        throw new HelperError('invalid-input', { params: { reason: 'Only web addresses are opened.' } });
      await deps.openExternal(parsed.toString());
      return {};
    },
  };

  return {
    async handle(channel, payload) {
      if (!Object.hasOwn(CHANNELS, channel)) {
        return {
          ok: false,
          error: new HelperError('invalid-input', {
            params: { reason: `Unknown channel "${channel}".` },
          }).toJSON(),
        };
      }
      const c = channel as Channel;
      const parsed = CHANNELS[c].request.safeParse(payload ?? {});
      if (!parsed.success) {
        const reason = parsed.error.issues
          .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
          .join('; ');
        return { ok: false, error: new HelperError('invalid-input', { params: { reason } }).toJSON() };
      }
      try {
        const data = await (table[c] as Handler<Channel>)(parsed.data as never);
        // Parsing the answer drops anything the contract does not name.
        return { ok: true, data: CHANNELS[c].response.parse(data) };
      } catch (err) {
        const e = asHelperError(err);
        core.deps.logger.warn('ipc call failed', { channel, error: e.toJSON() });
        return { ok: false, error: e.toJSON() };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    cancelAll() {
      for (const f of flows.values()) f.abort.abort();
    },
    busy: () => flows.size > 0,
    holdsUnstoredKey: () => [...flows.values()].some((f) => f.last?.state === 'storing'),
    clearClipboard: clearCopiedKey,
  };
}
