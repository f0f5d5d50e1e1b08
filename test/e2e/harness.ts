// The browser-test harness: the production renderer build, served locally with the app's CSP; the
// real IPC handler table (main/ipc) exposed to the page; the real core against the simulator and
// the real keychain.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { build } from 'esbuild';
import type { Timings } from '../../main/core/flows/timing';
import { createCore, parseWawiAddress } from '../../main/core/index';
import { type KeychainBackend, loadKeytar } from '../../main/core/store/keychain-backend';
import { KeyVault } from '../../main/core/store/vault';
import { rendererResponse } from '../../main/electron/protocol';
import { createIpcHandlers, type IpcHandlers } from '../../main/ipc/handlers';
import { launchState, parseLaunchArgs } from '../../main/ipc/launch';
import { TEXTS } from '../../renderer/src/i18n';
import type { Lang } from '../../shared/lang';
import type { FlowEvent } from '../../shared/registration';
import { type SimOptions, startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { decideWhenPending, demoManifest, uniqueService } from '../helpers/core';
import { PrivateKeyring } from '../helpers/private-keyring';
import { ROOT } from '../helpers/proc';

export const MANIFEST = join(ROOT, 'tools', 'wawi-sim', 'demo-app', 'manifest.json');

let initScript: Promise<string> | undefined;
function bridgeInitScript(): Promise<string> {
  initScript ??= build({
    entryPoints: [join(ROOT, 'test/e2e/bridge-init.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'error',
  }).then((r) => r.outputFiles[0]!.text);
  return initScript;
}

export interface Harness {
  sim: WawiSim;
  handlers: IpcHandlers;
  clipboard: { text: string };
  /** How often the app asked to open the log folder. */
  logFolderOpened: { count: number };
  service: string;
  /** The helper's data folder (registrations.json, logs). */
  home: string;
  core: ReturnType<typeof createCore>['core'];
  vault: ReturnType<typeof createCore>['vault'];
  events: FlowEvent[];
  rendererUrl: string;
  open(page: Page): Promise<void>;
  close(): Promise<void>;
}

/**
 * Each Playwright worker is a process of its own with its own keytar: two of them deleting and
 * listing on one Secret Service can crash libsecret (a secret that vanished mid-listing). So every
 * worker gets a private keyring, started with its first harness and stopped when it exits.
 */
let workerKeyring: Promise<PrivateKeyring> | undefined;
function keyringOfThisWorker(): Promise<PrivateKeyring> {
  workerKeyring ??= PrivateKeyring.start().then((k) => {
    k.activateInThisProcess();
    process.once('exit', () => k.stop());
    return k;
  });
  return workerKeyring;
}

export async function startHarness(
  options: {
    lang?: Lang;
    args?: string[];
    candidates?: (sim: WawiSim) => string[];
    /** Serve the simulator over https with this (self-signed) certificate. */
    tls?: { key: string; cert: string };
    /** The simulator's databases ("Mandanten"). */
    databases?: string[];
    /** What the simulator's /info reports (a hostile server's texts). */
    info?: Pick<SimOptions, 'wawiVersion' | 'tenant'>;
    /** Timings other than the harness's short ones. */
    timings?: Partial<Timings>;
    /** A vendor-branded build's product name. */
    productName?: string;
    /** Wraps the real keychain (keytar), e.g. to make it refuse for a while. */
    keychain?: (real: KeychainBackend) => KeychainBackend;
  } = {},
): Promise<Harness> {
  // A daemon that exited since the last test is started again on the same keyring.
  await (await keyringOfThisWorker()).ensureRunning();
  const sim = await startWawiSim({
    port: 0,
    ...(options.tls ? { tls: options.tls } : {}),
    ...(options.databases ? { databases: options.databases } : {}),
    ...options.info,
  });
  const home = mkdtempSync(join(tmpdir(), 'e2e-home-'));
  const service = uniqueService();
  const { keychain } = options;
  const { core, vault } = createCore({
    home,
    service,
    ...(keychain ? { keychain: () => keychain(loadKeytar()) } : {}),
    http: { connectTimeoutMs: 1000, responseTimeoutMs: 3000 },
    overrides: {
      timings: { pollIntervalMs: 150, removalPollIntervalMs: 150, backoffBaseMs: 200, ...options.timings },
    },
  });
  const args = options.args ?? ['--manifest', MANIFEST];
  const launch = launchState(parseLaunchArgs(args), { isPackaged: false, platform: 'win32' });
  const clipboard = { text: '' };
  const logFolderOpened = { count: 0 };
  let lang: Lang = options.lang ?? 'en';
  const handlers = createIpcHandlers({
    core,
    launch,
    clipboard: {
      writeSecret: (text) => {
        clipboard.text = text;
      },
      writeText: (text) => {
        clipboard.text = text;
      },
      readText: () => clipboard.text,
      clear: () => {
        clipboard.text = '';
      },
    },
    openExternal: () => {},
    openLogFolder: () => {
      logFolderOpened.count += 1;
    },
    lang: {
      get: () => lang,
      set: (l) => {
        lang = l;
      },
    },
    discoveryCandidates: options.candidates ? options.candidates(sim) : [sim.url],
    ...(options.productName ? { productName: options.productName } : {}),
    clipboardClearMs: 60_000,
  });
  const events: FlowEvent[] = [];
  handlers.subscribe((e) => events.push(e));

  const rendererDir = join(ROOT, 'dist', 'renderer');
  const server: Server = createServer((req, res) => {
    const r = rendererResponse(rendererDir, `app://renderer${req.url ?? '/'}`);
    res.writeHead(r.status, r.headers);
    res.end(r.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const rendererUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/index.html`;

  return {
    sim,
    handlers,
    clipboard,
    logFolderOpened,
    service,
    home,
    core,
    vault,
    events,
    rendererUrl,
    async open(page) {
      await page.exposeBinding('__wawiInvoke', (_source, channel: string, payload: unknown) =>
        handlers.handle(channel, payload),
      );
      handlers.subscribe((e) => {
        void page
          .evaluate((ev) => (window as unknown as { __wawiEmit(e: unknown): void }).__wawiEmit(ev), e)
          .catch(() => {});
      });
      await page.addInitScript({ content: await bridgeInitScript() });
      await page.goto(rendererUrl);
    },
    async close() {
      // The flows end first; then this test's entries go, through the vault (one keychain call at a
      // time: a deletion racing a listing crashes libsecret).
      handlers.cancelAll();
      for (let i = 0; i < 250 && handlers.busy(); i++) await new Promise((r) => setTimeout(r, 20));
      // Without the Secret Service guard: its D-Bus queries beside keytar's are more load on a daemon
      // that has been seen to exit under it, and this keyring is known to be unlocked.
      const cleanup = new KeyVault(loadKeytar, { service, guard: async () => ({ state: 'unlocked' }) });
      for (const e of await cleanup.entries()) await cleanup.delete(e.account);
      for (const p of await cleanup.listPending()) await cleanup.deletePending(p.account);
      for (const account of (await cleanup.connections()).keys()) await cleanup.deleteConnection(account);
      server.close();
      await sim.close();
    },
  };
}

/**
 * A keychain that refuses what `refuse` names while it is set, as a locked one does: storing the key,
 * listing, or the test entry that proves the keychain writable before anything is sent.
 */
export function refusing(refuse: { store: boolean; list: boolean; check?: boolean }) {
  return (real: KeychainBackend): KeychainBackend => ({
    getPassword: (s, a) => real.getPassword(s, a),
    deletePassword: (s, a) => real.deletePassword(s, a),
    setPassword: async (s, a, p) => {
      // Only the key itself (the pending entries and connections use services of their own).
      if (refuse.store && !s.includes(':')) throw new Error('Cannot create an item in a locked collection');
      if (refuse.check && s.startsWith('probe: '))
        throw new Error('Cannot create an item in a locked collection');
      return real.setPassword(s, a, p);
    },
    findCredentials: async (s) => {
      if (refuse.list) throw new Error('Cannot list the items of a locked collection');
      return real.findCredentials(s);
    },
  });
}

/**
 * Registers the demo app straight through the core (no browser), the merchant accepting it in the
 * simulator's open dialog: the registration a test of the list or of a failure starts from.
 */
export async function registerDirectly(
  h: Harness,
  options?: Parameters<Harness['core']['register']>[2],
): Promise<Awaited<ReturnType<Harness['core']['register']>>> {
  h.sim.setWindow('eazybusiness', true);
  const merchant = decideWhenPending(h.sim);
  try {
    return await h.core.register(demoManifest(), parseWawiAddress(h.sim.apiUrl()), options);
  } finally {
    merchant.stop();
  }
}

/**
 * The merchant's two clicks on the default path: the found server, then "Send request" on the review;
 * returns once the request waits in the simulator's open dialog.
 */
export async function sendFromReview(h: Harness, page: Page, lang: Lang) {
  h.sim.setWindow('eazybusiness', true);
  await h.open(page);
  await page.getByRole('button', { name: TEXTS[lang].continue }).click();
  await page.getByRole('button', { name: TEXTS[lang].send }).click();
  await expect.poll(() => h.sim.pending().length).toBe(1);
}

/**
 * A request of the demo app that a previous helper sent `ago` ms before and left pending here when it
 * was closed, before the merchant decided. Returns its request id.
 */
export async function leftPending(h: Harness, code: string, ago = 0): Promise<string> {
  const created = await fetch(`${h.sim.apiUrl()}/v1/authentication`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-challengecode': code },
    body: JSON.stringify(demoManifest()),
  }).then((r) => r.json());
  const at = new Date(Date.now() - ago).toISOString();
  await h.vault.savePending({
    v: 2,
    kind: 'register',
    account: `WawiHelperDemo/v1@127.0.0.1:${h.sim.port}/eazybusiness`,
    baseUrl: h.sim.apiUrl(),
    appId: 'WawiHelperDemo/v1',
    displayName: 'Lagerbestand Sync (Demo)',
    providerName: 'Beispiel Software GmbH',
    appVersion: '1.0.0',
    requestId: created.RegistrationRequestId,
    challengeCode: code,
    startedAt: at,
    ...(ago ? { sentAt: at } : {}),
  });
  return created.RegistrationRequestId;
}

/**
 * Where the behaviour specs leave each screen they reach, for the screen check that runs once per
 * screen and language (test/e2e/screens.spec.ts). A folder of this run's own (playwright.config.ts).
 */
export const SNAPSHOTS = process.env.WAWI_SCREENS_DIR ?? join(ROOT, 'test-results', 'screens');

/**
 * Leaves the screen as it stands for the screen check, in both languages: its DOM with what was typed,
 * chosen and opened, without scripts and without the page's CSP (React's style attributes are set
 * through the CSSOM live, but would be blocked as markup). The behaviour runs in one language; the
 * language switch then shows the same state in the other, which is left too, and switches back with
 * the focus where it was. Saved as `<name>-de.html` and `<name>-en.html`; a second capture of a name
 * fails.
 */
export async function capture(page: Page, name: string) {
  const html = page.locator('html');
  const first = (await html.getAttribute('lang')) as Lang;
  const other: Lang = first === 'de' ? 'en' : 'de';
  await save(page, `${name}-${first}`);
  await switchLanguage(page, other);
  await save(page, `${name}-${other}`);
  await switchLanguage(page, first);
  await page.evaluate(() => {
    const w = window as unknown as { __captureFocus?: HTMLElement | null };
    w.__captureFocus?.focus({ preventScroll: true });
    delete w.__captureFocus;
  });
}

/**
 * Runs `check` in the page's language, then in the other one (the language switch shows the same
 * state), and switches back with the focus where it was: a sentence is checked in both languages
 * without running the behaviour twice.
 */
export async function inBothLanguages(page: Page, check: (lang: Lang) => Promise<void>) {
  const first = (await page.locator('html').getAttribute('lang')) as Lang;
  const other: Lang = first === 'de' ? 'en' : 'de';
  await check(first);
  await switchLanguage(page, other);
  await check(other);
  await switchLanguage(page, first);
  await page.evaluate(() => {
    const w = window as unknown as { __captureFocus?: HTMLElement | null };
    w.__captureFocus?.focus({ preventScroll: true });
    delete w.__captureFocus;
  });
}

/** Clicks the language switch without moving the focus (a script's click does not), and waits for the
 * page to be in that language (the document's `lang` is set after the render). */
async function switchLanguage(page: Page, to: Lang) {
  await page.evaluate(() => {
    const w = window as unknown as { __captureFocus?: Element | null };
    if (!('__captureFocus' in w)) w.__captureFocus = document.activeElement;
    document.querySelector<HTMLButtonElement>('header button.lang')!.click();
  });
  await expect(page.locator('html')).toHaveAttribute('lang', to);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}

async function save(page: Page, name: string) {
  const html = await page.evaluate(() => {
    const FIELDS = 'input, textarea, select';
    const live = [...document.querySelectorAll<HTMLElement>(FIELDS)];
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    const copies = [...copy.querySelectorAll<HTMLElement>(FIELDS)];
    live.forEach((field, i) => {
      const c = copies[i]!;
      if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio'))
        c.toggleAttribute('checked', field.checked);
      else if (field instanceof HTMLInputElement) c.setAttribute('value', field.value);
      else if (field instanceof HTMLTextAreaElement) c.textContent = field.value;
    });
    for (const el of copy.querySelectorAll('script, meta[http-equiv]')) el.remove();
    return `<!doctype html>\n${copy.outerHTML}`;
  });
  mkdirSync(SNAPSHOTS, { recursive: true });
  writeFileSync(join(SNAPSHOTS, `${name}.html`), html, { flag: 'wx' });
}

/** Checks the screen: its heading shown and focused; then leaves it for the screen check. */
export async function screen(page: Page, heading: RegExp | string, name: string) {
  const h1 = page.getByRole('heading', { level: 1, name: heading });
  await expect(h1).toBeVisible();
  await expect(h1).toBeFocused();
  await capture(page, name);
}
