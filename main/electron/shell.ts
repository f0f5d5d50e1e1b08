// The thin Electron shell: lifecycle, a locked-down window, the app:// protocol with a strict CSP,
// and ipcMain wired to the one handler table in main/ipc. The electron module is passed in, so unit
// tests can drive all of this with a stand-in.
import { readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type * as Electron from 'electron';
import { type ErrorCode, EXIT_CODES } from '../../shared/errors';
import { CHANNEL_NAMES, FLOW_EVENT_CHANNEL, type UiLang } from '../../shared/ipc';
import { HelperError } from '../core/errors';
import { createCore } from '../core/index';
import { appDataDir } from '../core/paths';
import { readSettings, writeSettings } from '../core/settings';
import { KEY_SERVICE } from '../core/vault';
import { createIpcHandlers, type IpcHandlers } from '../ipc/handlers';
import { launchState, parseLaunchArgs } from '../ipc/launch';
import { secretClipboard } from './clipboard';

export type ElectronModule = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'shell' | 'clipboard' | 'Menu'
>;

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://renderer`;

/** The renderer's Content-Security-Policy: its own scripts and styles only, no remote connections. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** DevTools only in development: a packaged helper never opens them. */
export function windowOptions(
  preload: string,
  title: string,
  devTools = false,
): Electron.BrowserWindowConstructorOptions {
  return {
    width: 860,
    height: 700,
    minWidth: 640,
    minHeight: 560,
    title,
    show: false,
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools,
      safeDialogs: true,
    },
  };
}

/**
 * The application menu: only what a merchant needs (copy and paste in the address field, close,
 * quit). Reload and DevTools only in development.
 */
export function menuTemplate(
  isPackaged: boolean,
  platform: NodeJS.Platform,
): Electron.MenuItemConstructorOptions[] {
  const edit: Electron.MenuItemConstructorOptions = {
    role: 'editMenu',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const window: Electron.MenuItemConstructorOptions = {
    role: 'windowMenu',
    submenu: [{ role: 'minimize' }, { role: 'close' }],
  };
  const template: Electron.MenuItemConstructorOptions[] = [];
  if (platform === 'darwin')
    template.push({ role: 'appMenu', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'quit' }] });
  else template.push({ role: 'fileMenu', submenu: [{ role: 'quit' }] });
  template.push(edit);
  if (!isPackaged)
    template.push({ label: 'Development', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] });
  template.push(window);
  return template;
}

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
 * Answers app://renderer/<path> from the built renderer folder, with the CSP header: 400 for a bad
 * address or escape, 403 outside the folder, 404 for anything that is not a file. Never throws.
 */
export function rendererResponse(
  rendererDir: string,
  requestUrl: string,
): { status: number; body: Buffer | string; headers: Record<string, string> } {
  const headers = { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 400, body: 'Bad request', headers };
  }
  if (url.host !== 'renderer') return { status: 404, body: 'Not found', headers };
  let path: string;
  try {
    path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return { status: 400, body: 'Bad request', headers };
  }
  if (path.includes('\0')) return { status: 400, body: 'Bad request', headers };
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path}`);
  if (file !== root && !file.startsWith(root + sep)) return { status: 403, body: 'Forbidden', headers };
  let body: Buffer;
  try {
    if (!statSync(file).isFile()) return { status: 404, body: 'Not found', headers };
    body = readFileSync(file);
  } catch {
    return { status: 404, body: 'Not found', headers };
  }
  return {
    status: 200,
    body,
    headers: { ...headers, 'content-type': MIME[extname(file)] ?? 'application/octet-stream' },
  };
}

/** Only the app's own page may talk to the main process. */
export function isTrustedSender(
  frame: Pick<Electron.WebFrameMain, 'url'> | null | undefined,
  sender: unknown,
  window: { webContents: unknown } | null,
): boolean {
  if (!frame || !window || sender !== window.webContents) return false;
  try {
    const u = new URL(frame.url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'renderer';
  } catch {
    return false;
  }
}

/** Only http(s) addresses leave the app, and only to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' && !u.username && !u.password
    );
  } catch {
    return false;
  }
}

export function hardenWebContents(contents: Electron.WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(session: Electron.Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
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
}

export function startApp(electron: ElectronModule, opts: ShellOptions): { exitCode(): number } {
  const { app, BrowserWindow, ipcMain, protocol, shell, clipboard, Menu } = electron;
  let outcome: ErrorCode | 'ok' | undefined;
  const exitCode = () => (outcome && outcome !== 'ok' ? EXIT_CODES[outcome] : 0);

  if (!app.requestSingleInstanceLock()) {
    // Another helper runs: it receives our arguments through 'second-instance' and takes over.
    app.quit();
    return { exitCode };
  }

  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false },
    },
  ]);

  const args = parseLaunchArgs(opts.argv);
  const testEnv = testEnvironment(opts.env, opts.isPackaged);
  const platform = opts.platform ?? process.platform;
  const { core, home } = createCore({
    home: testEnv.home ?? appDataDir({}, platform),
    service: testEnv.service ?? KEY_SERVICE,
  });
  const settings = readSettings(home);
  let lang: UiLang =
    args.lang ?? settings.lang ?? (app.getLocale().toLowerCase().startsWith('de') ? 'de' : 'en');
  const launch = launchState(args, opts);
  let window: Electron.BrowserWindow | null = null;

  const handlers = createIpcHandlers({
    core,
    launch,
    clipboard: secretClipboard(clipboard, platform),
    openExternal: (url) => (isSafeExternalUrl(url) ? shell.openExternal(url) : undefined),
    lang: {
      get: () => lang,
      set: (l) => {
        lang = l;
        writeSettings(home, { ...readSettings(home), lang: l });
      },
    },
    discoveryCandidates: testEnv.candidates,
    onOutcome: (o) => {
      outcome = o;
    },
  });
  handlers.subscribe((event) => {
    if (window && !window.isDestroyed()) window.webContents.send(FLOW_EVENT_CHANNEL, event);
  });
  registerIpc(ipcMain, handlers, () => window);

  function createWindow() {
    window = new BrowserWindow(
      windowOptions(join(opts.appDir, 'preload.cjs'), 'Wawi Registration Helper', !opts.isPackaged),
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
    void window.loadURL(`${APP_ORIGIN}/index.html`);
  }

  app.on('second-instance', (_event, argv) => {
    const next = parseLaunchArgs(argv.slice(1));
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
    // Hand the new arguments over, unless a flow is running: then the merchant finishes that first.
    if (!handlers.busy() && (next.action || next.manifest || next.wawi)) {
      Object.assign(launch, launchState(next, opts));
      if (next.lang) lang = next.lang;
      window?.webContents.reload();
    }
  });

  // Every webContents (the window's and any other) is locked down as it is created.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    handlers.cancelAll();
    // A key still on the clipboard does not outlive the helper.
    void handlers
      .clearClipboard()
      .catch(() => undefined)
      .finally(() => app.exit(exitCode()));
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
