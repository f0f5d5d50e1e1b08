// The thin Electron shell: lifecycle, the window and the app:// protocol (./window.ts, ./protocol.ts),
// and ipcMain wired to the one handler table in main/ipc. The electron module is passed in, so unit
// tests can drive all of this with a stand-in.
import { dirname, join } from 'node:path';
import type * as Electron from 'electron';
import { EXIT_CODES } from '../../shared/errors/meta';
import { CHANNEL_NAMES, FLOW_EVENT_CHANNEL } from '../../shared/ipc/channels';
import type { Lang } from '../../shared/lang';
import type { LaunchResult } from '../../shared/result';
import {
  appDataDir,
  createCore,
  HelperError,
  KEY_SERVICE,
  logFile,
  readSettings,
  writeResultFile,
  writeSettings,
} from '../core/index';
import { createIpcHandlers, type IpcHandlers } from '../ipc/handlers';
import { type HandoverReply, openHandover } from '../ipc/handover';
import { asksForWork, launchState, parseLaunchArgs, startLang } from '../ipc/launch';
import { LaunchLedger } from '../ipc/launch-ledger';
import { secondLaunch } from '../ipc/second-launch';
import { secretClipboard } from './clipboard';
import { APP_ORIGIN, APP_SCHEME, rendererResponse } from './protocol';
import {
  hardenSession,
  hardenWebContents,
  isSafeExternalUrl,
  isTrustedSender,
  menuTemplate,
  windowOptions,
} from './window';

export type ElectronModule = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'ipcMain'
  | 'protocol'
  | 'session'
  | 'shell'
  | 'clipboard'
  | 'Menu'
  | 'nativeTheme'
>;

/**
 * The environment variables tests use to isolate the helper (its app-data folder, keychain service and
 * discovery addresses). A packaged helper ignores them: a merchant's settings can't redirect it.
 */
export function testEnvironment(env: NodeJS.ProcessEnv | undefined, isPackaged: boolean) {
  if (isPackaged || !env) return {};
  const list = env.WAWI_REGISTER_CANDIDATES?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    home: env.WAWI_REGISTER_HOME || undefined,
    service: env.WAWI_REGISTER_KEYCHAIN_SERVICE || undefined,
    candidates: list?.length ? list : undefined,
  };
}

/**
 * The OS's own folder variables (%APPDATA%, which folder redirection on terminal servers points
 * elsewhere; $XDG_CONFIG_HOME), never the helper's test overrides: the app-data folder is where the
 * vendor's guide says it is.
 */
export function systemFolders(env: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  return {
    ...(env?.APPDATA ? { APPDATA: env.APPDATA } : {}),
    ...(env?.XDG_CONFIG_HOME ? { XDG_CONFIG_HOME: env.XDG_CONFIG_HOME } : {}),
  };
}

export function registerIpc(
  ipcMain: Electron.IpcMain,
  handlers: IpcHandlers,
  getWindow: () => Electron.BrowserWindow | null,
): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, payload) => {
      if (!isTrustedSender(event.senderFrame, event.sender, getWindow())) {
        return {
          ok: false,
          error: new HelperError('invalid-input', {
            params: { reason: 'This window may not call the helper.' },
          }).toJSON(),
        };
      }
      return handlers.handle(channel, payload);
    });
  }
}

export interface ShellOptions {
  argv: string[];
  /** Folder with main.cjs, preload.cjs and renderer/ (dist/main/electron in development). */
  appDir: string;
  rendererDir: string;
  resourcesPath?: string;
  isPackaged: boolean;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** How long a second launch looks for the running helper (it may still be starting). */
  handoverWaitMs?: number;
}

export function startApp(electron: ElectronModule, opts: ShellOptions): { exitCode(): number } {
  const { app, BrowserWindow, ipcMain, protocol, shell, clipboard, Menu } = electron;
  const testEnv = testEnvironment(opts.env, opts.isPackaged);
  const platform = opts.platform ?? process.platform;
  const home = testEnv.home ?? appDataDir(systemFolders(opts.env), platform);
  // This launch's result, settled when the app closes or a second launch takes over (launch-ledger.ts).
  let ownResult: LaunchResult | undefined;
  const exitCode = () => ownResult?.exitCode ?? 0;

  if (!app.requestSingleInstanceLock()) {
    // Another helper runs: it gets our arguments, and we end with the result of what they asked for.
    const lang = startLang(undefined, readSettings(home).lang, app.getLocale());
    void secondLaunch(home, opts.argv, lang, { findWithinMs: opts.handoverWaitMs }).then(
      (code) => app.exit(code),
      () => app.exit(EXIT_CODES['already-running']),
    );
    return { exitCode };
  }

  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false },
    },
  ]);

  const args = parseLaunchArgs(opts.argv);
  const { core } = createCore({ home, service: testEnv.service ?? KEY_SERVICE });
  const settings = readSettings(home);
  let lang: Lang = startLang(args.lang, settings.lang, app.getLocale());
  const launch = launchState(args, opts);
  let window: Electron.BrowserWindow | null = null;

  const handlers = createIpcHandlers({
    core,
    launch,
    // A packaged build carries the vendor's productName (scripts/dist.mjs); a development run, the helper's.
    ...(opts.isPackaged && app.getName ? { productName: app.getName() } : {}),
    clipboard: secretClipboard(clipboard, platform),
    openExternal: (url) => (isSafeExternalUrl(url) ? shell.openExternal(url) : undefined),
    openLogFolder: async () => {
      // openPath answers with an error message instead of throwing.
      const why = await shell.openPath(dirname(logFile(home)));
      if (why) core.log.warn('the log folder could not be opened', { reason: why });
    },
    lang: {
      get: () => lang,
      set: (l) => {
        lang = l;
        writeSettings(home, { ...readSettings(home), lang: l });
      },
    },
    discoveryCandidates: testEnv.candidates,
  });
  const ledger = new LaunchLedger(
    {
      action: launch.action,
      settle: (result) => {
        ownResult = result;
        if (!args.resultFile) return;
        try {
          writeResultFile(args.resultFile, result);
        } catch (err) {
          core.log.warn('the result file could not be written', { reason: String(err) });
        }
      },
    },
    () => lang,
  );
  handlers.subscribe((event) => {
    ledger.saw(event);
    if (window && !window.isDestroyed()) window.webContents.send(FLOW_EVENT_CHANNEL, event);
  });
  registerIpc(ipcMain, handlers, () => window);

  function createWindow() {
    window = new BrowserWindow(
      windowOptions(
        join(opts.appDir, 'preload.cjs'),
        'Wawi Registration Helper',
        !opts.isPackaged,
        electron.nativeTheme?.shouldUseDarkColors === true,
      ),
    );
    window.once('ready-to-show', () => window?.show());
    // An accepted key that waits for the keychain would be lost by quitting: the window stays, and its
    // screen offers Retry and an explicit, warned give-up.
    window.on('close', (event) => {
      if (handlers.holdsUnstoredKey()) {
        event.preventDefault();
        window?.focus();
      }
    });
    window.on('closed', () => {
      window = null;
    });
    // Windows log-off or shutdown (a window event): nothing can be held up, the clipboard still cleared.
    window.on('session-end', leave);
    void window.loadURL(`${APP_ORIGIN}/index.html`);
  }

  function bringToFront() {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  }
  // Electron tells of a second launch (and lets this window come to the front); its arguments and its
  // wait for the result come over the hand-over channel.
  app.on('second-instance', bringToFront);
  // A second launch's arguments are taken over unless a flow runs: then the merchant finishes that first.
  function onSecondLaunch(argv: string[]): HandoverReply {
    bringToFront();
    const next = parseLaunchArgs(argv);
    if (!asksForWork(next)) return { taken: false, reason: 'focus' };
    if (handlers.busy() || leaving) return { taken: false, reason: 'busy' };
    Object.assign(launch, launchState(next, opts));
    if (next.lang) lang = next.lang;
    window?.webContents.reload();
    const result = new Promise<LaunchResult>((settle) => ledger.handOver({ action: launch.action, settle }));
    return { taken: true, result };
  }
  let handover: { close(): void } | undefined;
  openHandover(home, onSecondLaunch, platform).then(
    (h) => {
      handover = h;
      if (leaving) h.close();
    },
    (err: unknown) => core.log.warn('second launches cannot be handed over', { reason: String(err) }),
  );

  // Every webContents (the window's and any other) is locked down as it is created.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // Every way out ends the same: the flows cancelled, a key still on the clipboard cleared, and the
  // exit code of the outcome. app.exit() emits no before-quit, so this runs once.
  let leaving = false;
  function leave() {
    if (leaving) return;
    leaving = true;
    handlers.cancelAll();
    void handlers
      .clearClipboard()
      .catch(() => undefined)
      .finally(() => {
        ledger.close();
        handover?.close();
        app.exit(exitCode());
      });
  }
  app.on('window-all-closed', leave);
  // The menu's Quit, Cmd+Q, app.quit(): the windows would close without 'window-all-closed'.
  app.on('before-quit', (event) => {
    event.preventDefault();
    // An accepted key waiting for the keychain is given up only on the screen, after its warning.
    if (handlers.holdsUnstoredKey()) {
      window?.focus();
      return;
    }
    leave();
  });

  void app.whenReady().then(() => {
    hardenSession(electron.session.defaultSession);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(opts.isPackaged, platform)));
    protocol.handle(APP_SCHEME, (request) => {
      const r = rendererResponse(opts.rendererDir, request.url);
      return new Response(typeof r.body === 'string' ? r.body : new Uint8Array(r.body), {
        status: r.status,
        headers: r.headers,
      });
    });
    createWindow();
  });

  return { exitCode };
}
