// The Electron shell, driven with a stand-in electron module (the binary is not needed).
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { appDataDir } from '../../main/core/store/paths';
import { powershellPath, type Spawn } from '../../main/core/windows/powershell';
import { secretClipboard, WINDOWS_PRIVATE_FORMATS, WINDOWS_SCRIPT } from '../../main/electron/clipboard';
import { APP_ORIGIN, CSP, rendererResponse } from '../../main/electron/protocol';
import {
  type ElectronModule,
  registerIpc,
  startApp,
  systemFolders,
  testEnvironment,
} from '../../main/electron/shell';
import {
  hardenSession,
  hardenWebContents,
  isSafeExternalUrl,
  isTrustedSender,
  menuTemplate,
  WINDOW_BACKGROUND,
  windowOptions,
} from '../../main/electron/window';
import type { IpcHandlers } from '../../main/ipc/handlers';
import { launchState, parseLaunchArgs, startLang } from '../../main/ipc/launch';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { DEMO_APP } from '../helpers/http';
import { ROOT } from '../helpers/proc';

type Listener = (...args: unknown[]) => unknown;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: Listener | undefined;
  return {
    listeners,
    on: vi.fn((event: string, fn: Listener) => listeners.set(event, fn)),
    setWindowOpenHandler: vi.fn((fn: Listener) => {
      openHandler = fn;
    }),
    openHandler: () => openHandler,
    send: vi.fn(),
    reload: vi.fn(),
  };
}

function fakeElectron(opts: { lock?: boolean } = {}) {
  const appListeners = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  class FakeWindow {
    webContents = fakeWebContents();
    loadURL = vi.fn(async () => {});
    focus = vi.fn();
    restore = vi.fn();
    show = vi.fn();
    isMinimized = () => false;
    isDestroyed = () => false;
    once = vi.fn();
    on = vi.fn();
    constructor(readonly options: unknown) {
      windows.push(this);
      // As Electron does: a new window's webContents is announced to the app.
      appListeners.get('web-contents-created')?.({}, this.webContents);
    }
  }
  const ipcHandlers = new Map<string, Listener>();
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  const electron = {
    app: {
      requestSingleInstanceLock: vi.fn(() => opts.lock ?? true),
      quit: vi.fn(),
      exit: vi.fn(),
      on: vi.fn((event: string, fn: Listener) => appListeners.set(event, fn)),
      whenReady: vi.fn(() => Promise.resolve()),
      getLocale: () => 'de-DE',
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: vi.fn((channel: string, fn: Listener) => ipcHandlers.set(channel, fn)) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: session },
    shell: { openExternal: vi.fn(async () => {}), openPath: vi.fn(async () => '') },
    clipboard: { writeText: vi.fn(), readText: vi.fn(() => ''), clear: vi.fn() },
    Menu: {
      buildFromTemplate: vi.fn((t: unknown) => ({ template: t })),
      setApplicationMenu: vi.fn(),
    },
  };
  return {
    electron: electron as unknown as ElectronModule,
    raw: electron,
    appListeners,
    windows,
    ipcHandlers,
    session,
  };
}

let testEnv: NodeJS.ProcessEnv;
beforeEach(() => {
  testEnv = { WAWI_REGISTER_HOME: mkdtempSync(join(tmpdir(), 'shell-home-')) };
});

describe('window and page security', () => {
  it('opens DevTools only in development', () => {
    expect(windowOptions('/p', 'H').webPreferences?.devTools).toBe(false);
    expect(windowOptions('/p', 'H', true).webPreferences?.devTools).toBe(true);
    // The window opens in the system's theme, like the page.
    expect(windowOptions('/p', 'H').backgroundColor).toBe('#f6f7f9');
    expect(windowOptions('/p', 'H', false, true).backgroundColor).toBe('#16191d');
    const css = readFileSync(join(ROOT, 'renderer', 'src', 'styles', 'theme.css'), 'utf8');
    const dark = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
    expect(css).toContain(`--bg: ${WINDOW_BACKGROUND.light};`);
    expect(dark).toContain(`--bg: ${WINDOW_BACKGROUND.dark};`);
  });

  it('has a minimal menu: no reload or DevTools when packaged', () => {
    const roles = (t: ReturnType<typeof menuTemplate>): string[] =>
      t.flatMap((m) => [
        String(m.role ?? m.label),
        ...(Array.isArray(m.submenu) ? m.submenu.map((i) => String(i.role ?? i.type)) : []),
      ]);
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const packaged = roles(menuTemplate(true, platform));
      expect(packaged).not.toContain('toggleDevTools');
      expect(packaged).not.toContain('reload');
      expect(packaged).toEqual(expect.arrayContaining(['copy', 'paste', 'quit']));
      expect(roles(menuTemplate(false, platform))).toContain('toggleDevTools');
    }
  });

  it('ignores the test variables when packaged', () => {
    const env = {
      WAWI_REGISTER_HOME: '/elsewhere',
      WAWI_REGISTER_KEYCHAIN_SERVICE: 'other service',
      WAWI_REGISTER_CANDIDATES: 'http://evil:5883, 127.0.0.1:1',
    };
    expect(testEnvironment(env, true)).toEqual({});
    expect(testEnvironment(env, false)).toEqual({
      home: '/elsewhere',
      service: 'other service',
      candidates: ['http://evil:5883', '127.0.0.1:1'],
    });
  });

  it('keeps its data where %APPDATA% points (folder redirection), never where a test variable would', () => {
    const env = { APPDATA: 'H:\\Redirected\\Roaming', WAWI_REGISTER_HOME: '/elsewhere' };
    expect(systemFolders(env)).toEqual({ APPDATA: 'H:\\Redirected\\Roaming' });
    expect(appDataDir(systemFolders(env), 'win32', 'C:\\Users\\m')).toBe(
      join('H:\\Redirected\\Roaming', 'Wawi Registration Helper'),
    );
    expect(appDataDir(systemFolders({}), 'win32', 'C:\\Users\\m')).toContain('AppData');
  });

  it('uses contextIsolation, sandbox, no nodeIntegration and the preload', () => {
    const o = windowOptions('/app/preload.cjs', 'Helper');
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has a strict CSP: own scripts only, no inline code, no remote connections', () => {
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("connect-src 'none'");
    expect(CSP).toContain("default-src 'none'");
    expect(CSP).not.toContain('unsafe-inline');
    expect(CSP).not.toContain('unsafe-eval');
  });

  it('serves the renderer with the CSP and nothing outside its folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'renderer-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<html></html>');
    writeFileSync(join(dir, 'assets', 'a.js'), 'x');
    writeFileSync(join(dir, '..', 'secret.txt'), 'no');
    const index = rendererResponse(dir, `${APP_ORIGIN}/`);
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CSP);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(rendererResponse(dir, `${APP_ORIGIN}/assets/a.js`).headers['content-type']).toMatch(/javascript/);
    // Whatever the spelling, the file beside the folder is never served.
    for (const path of [
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/../secret.txt',
      '/assets/..%2f..%2fsecret.txt',
    ]) {
      const r = rendererResponse(dir, `${APP_ORIGIN}${path}`);
      expect([403, 404]).toContain(r.status);
      expect(String(r.body)).not.toBe('no');
    }
    expect(rendererResponse(dir, `${APP_ORIGIN}/..%2fsecret.txt`).status).toBe(403);
    expect(rendererResponse(dir, 'app://other/index.html').status).toBe(404);
    expect(rendererResponse(dir, `${APP_ORIGIN}/missing.js`).status).toBe(404);
    // A directory or a broken escape is answered, never thrown.
    expect(rendererResponse(dir, `${APP_ORIGIN}/assets`).status).toBe(404);
    expect(rendererResponse(dir, `${APP_ORIGIN}/assets/`).status).toBe(404);
    expect(rendererResponse(dir, `${APP_ORIGIN}/%E0%A4%A`).status).toBe(400);
    expect(rendererResponse(dir, `${APP_ORIGIN}/a%00.js`).status).toBe(400);
  });

  it('blocks navigation away from the app, window.open and webviews', () => {
    const wc = fakeWebContents();
    hardenWebContents(wc as never);
    const nav = { preventDefault: vi.fn() };
    wc.listeners.get('will-navigate')!(nav, 'https://evil.example/');
    expect(nav.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    wc.listeners.get('will-navigate')!(inside, `${APP_ORIGIN}/index.html`);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const redirect = { preventDefault: vi.fn() };
    wc.listeners.get('will-redirect')!(redirect, 'file:///etc/passwd');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    wc.listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(wc.openHandler()!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const s = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    hardenSession(s as never);
    const callback = vi.fn();
    s.setPermissionRequestHandler.mock.calls[0]![0](null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(s.setPermissionCheckHandler.mock.calls[0]![0]()).toBe(false);
  });

  it('opens only plain http(s) addresses externally', () => {
    expect(isSafeExternalUrl('https://example.com/app')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    for (const bad of [
      'file:///c:/windows',
      'javascript:alert(1)',
      'ms-settings:',
      'https://user:pw@example.com',
      'nonsense',
    ]) {
      expect(isSafeExternalUrl(bad)).toBe(false);
    }
  });
});

describe('IPC sender checks', () => {
  const window = { webContents: { id: 1 } };
  it('trusts only the app page in our window', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html` }, window.webContents, window)).toBe(true);
    expect(isTrustedSender({ url: 'https://evil.example/' }, window.webContents, window)).toBe(false);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html` }, { id: 2 }, window)).toBe(false);
    expect(isTrustedSender(null, window.webContents, window)).toBe(false);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html` }, window.webContents, null)).toBe(false);
  });

  it('registers every channel and refuses calls from other frames without running them', async () => {
    const ipcHandlers = new Map<string, Listener>();
    const handle = vi.fn(async () => ({ ok: true, data: {} }));
    registerIpc(
      { handle: (c: string, fn: Listener) => ipcHandlers.set(c, fn) } as never,
      { handle } as unknown as IpcHandlers,
      () => window as never,
    );
    expect([...ipcHandlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    const evil = await ipcHandlers.get('key:copy')!(
      { senderFrame: { url: 'https://evil.example/' }, sender: window.webContents },
      { account: 'a@b:1/c' },
    );
    expect(evil).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(handle).not.toHaveBeenCalled();
    await ipcHandlers.get('lang:get')!(
      { senderFrame: { url: `${APP_ORIGIN}/index.html` }, sender: window.webContents },
      {},
    );
    expect(handle).toHaveBeenCalledWith('lang:get', {});
  });
});

describe('launch arguments', () => {
  it('start in the language given, else the last choice, else the system language', () => {
    expect(startLang('en', 'de', 'de-DE')).toBe('en');
    expect(startLang(undefined, 'en', 'de-AT')).toBe('en');
    expect(startLang(undefined, undefined, 'de-CH')).toBe('de');
    expect(startLang(undefined, undefined, 'fr-FR')).toBe('en');
  });

  it('reads --manifest, --wawi, --action and --lang, ignoring Chromium switches', () => {
    expect(
      parseLaunchArgs([
        '--no-sandbox',
        '.',
        '--manifest',
        'm.json',
        '--wawi=127.0.0.1:5883',
        '--action',
        'rotate',
        '--lang',
        'de',
      ]),
    ).toEqual({
      manifest: 'm.json',
      wawi: '127.0.0.1:5883',
      action: 'rotate',
      lang: 'de',
      problems: [],
    });
    const bad = parseLaunchArgs(['--action', 'explode', '--lang', 'fr', '--manifest']);
    expect(bad.problems).toHaveLength(3);
  });

  it('checks the manifest in main, and defaults to the one shipped in the resources when packaged', () => {
    const ok = launchState(parseLaunchArgs(['--manifest', join(DEMO_APP, 'manifest.json')]), {
      isPackaged: false,
    });
    expect(ok.action).toBe('register');
    expect(ok.manifest?.AppId).toBe('WawiHelperDemo/v1');
    const missing = launchState(parseLaunchArgs(['--manifest', '/nope.json']), { isPackaged: false });
    expect(missing.manifestError?.code).toBe('manifest-invalid');
    expect(launchState(parseLaunchArgs([]), { isPackaged: false }).action).toBe('manage');
    const resources = mkdtempSync(join(tmpdir(), 'res-'));
    mkdirSync(join(resources, 'vendor'));
    writeFileSync(join(resources, 'vendor', 'manifest.json'), '{}');
    const shipped = launchState(parseLaunchArgs([]), { isPackaged: true, resourcesPath: resources });
    expect(shipped.action).toBe('register');
    expect(shipped.manifestError?.code).toBe('manifest-invalid');
  });
});

describe('app lifecycle', () => {
  const opts = {
    argv: ['--action', 'manage'],
    appDir: '/app',
    rendererDir: '/app/renderer',
    isPackaged: false,
    get env() {
      return testEnv;
    },
  };

  it('a second launch that finds no running helper opens nothing and exits 60, never 0', async () => {
    const f = fakeElectron({ lock: false });
    const file = join(testEnv.WAWI_REGISTER_HOME!, 'out', 'result.json');
    startApp(f.electron, {
      ...opts,
      argv: ['--action', 'register', '--result-file', file],
      handoverWaitMs: 0,
    });
    await vi.waitFor(() => expect(f.raw.app.exit).toHaveBeenCalledWith(60));
    expect(f.windows).toHaveLength(0);
    expect(f.ipcHandlers.size).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      outcome: 'already-running',
      exitCode: 60,
      error: { variant: 'no-answer' },
    });
  });

  it('creates one hardened window on the app protocol, wires IPC and the session', async () => {
    const f = fakeElectron();
    startApp(f.electron, opts);
    await Promise.resolve();
    await Promise.resolve();
    expect(f.raw.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app' }),
    ]);
    expect(f.raw.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(f.session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(f.windows).toHaveLength(1);
    const w = f.windows[0]!;
    expect((w.options as { webPreferences: { preload: string } }).webPreferences.preload).toBe(
      join('/app', 'preload.cjs'),
    );
    expect(w.loadURL).toHaveBeenCalledWith(`${APP_ORIGIN}/index.html`);
    expect(w.webContents.setWindowOpenHandler).toHaveBeenCalled();
    expect([...f.ipcHandlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    // The language comes from the system locale (de-DE) when nothing else says otherwise.
    const lang = await f.ipcHandlers.get('lang:get')!(
      { senderFrame: { url: `${APP_ORIGIN}/index.html` }, sender: w.webContents },
      {},
    );
    expect(lang).toEqual({ ok: true, data: { lang: 'de' } });
  });

  it('a second launch is handed over: the window reloads with its arguments, and it ends with their result', async () => {
    const first = fakeElectron();
    startApp(first.electron, opts);
    await vi.waitFor(() => expect(first.windows).toHaveLength(1));
    const w = first.windows[0]!;
    const file = join(testEnv.WAWI_REGISTER_HOME!, 'second.json');
    const second = fakeElectron({ lock: false });
    startApp(second.electron, {
      ...opts,
      argv: ['--manifest', join(DEMO_APP, 'manifest.json'), '--lang', 'en', '--result-file', file],
    });
    await vi.waitFor(() => expect(w.webContents.reload).toHaveBeenCalled());
    expect(w.focus).toHaveBeenCalled();
    expect(second.windows).toHaveLength(0);
    const launch = (await first.ipcHandlers.get('app:launch')!(
      { senderFrame: { url: `${APP_ORIGIN}/` }, sender: w.webContents },
      {},
    )) as {
      data: { action: string; manifest: { AppId: string }; lang: string };
    };
    expect(launch.data).toMatchObject({
      action: 'register',
      manifest: { AppId: 'WawiHelperDemo/v1' },
      lang: 'en',
    });
    // The merchant closes the window without registering: the first launch (the list) ended fine; the
    // second, which asked for a registration, ends cancelled, and its result file says so.
    first.appListeners.get('window-all-closed')!();
    await vi.waitFor(() => expect(first.raw.app.exit).toHaveBeenCalledWith(0));
    await vi.waitFor(() => expect(second.raw.app.exit).toHaveBeenCalledWith(25));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      outcome: 'cancelled',
      action: 'register',
      error: { variant: 'closed' },
    });
  });

  it('exits with 0 when nothing failed', async () => {
    const f = fakeElectron();
    startApp(f.electron, opts);
    f.appListeners.get('window-all-closed')!();
    await vi.waitFor(() => expect(f.raw.app.exit).toHaveBeenCalledWith(0));
  });

  // The menu's Quit (app.quit) and a log-off emit no 'window-all-closed': each way out takes the same
  // end (flows cancelled, a key on the clipboard cleared, the outcome's exit code), once.
  it.each(['before-quit', 'session-end'])('%s ends as closing the window does, once', async (way) => {
    const f = fakeElectron();
    startApp(f.electron, opts);
    await vi.waitFor(() => expect(f.windows).toHaveLength(1));
    const event = { preventDefault: vi.fn() };
    const onWindow = f.windows[0]!.on.mock.calls.find(([name]) => name === way)?.[1] as Listener | undefined;
    (onWindow ?? f.appListeners.get(way)!)(event);
    await vi.waitFor(() => expect(f.raw.app.exit).toHaveBeenCalledWith(0));
    if (way === 'before-quit') expect(event.preventDefault).toHaveBeenCalled();
    f.appListeners.get('window-all-closed')!();
    f.appListeners.get('before-quit')!({ preventDefault: vi.fn() });
    await new Promise((r) => setImmediate(r));
    expect(f.raw.app.exit).toHaveBeenCalledTimes(1);
  });

  it('sets the minimal menu once ready', async () => {
    const f = fakeElectron();
    startApp(f.electron, { ...opts, isPackaged: true, env: {} });
    await vi.waitFor(() => expect(f.raw.Menu.setApplicationMenu).toHaveBeenCalled());
    const built = f.raw.Menu.buildFromTemplate.mock.calls[0]![0];
    expect(JSON.stringify(built)).not.toContain('toggleDevTools');
    expect((f.windows[0]!.options as { webPreferences: { devTools: boolean } }).webPreferences.devTools).toBe(
      false,
    );
  });
});

describe('the clipboard for a key', () => {
  it('copies as plain text on macOS and Linux, and clears', () => {
    const raw = { writeText: vi.fn(), readText: vi.fn(() => 'k'), clear: vi.fn() };
    const c = secretClipboard(raw, 'linux');
    void c.writeSecret('k');
    expect(raw.writeText).toHaveBeenCalledWith('k');
    void c.clear();
    expect(raw.clear).toHaveBeenCalled();
  });

  it('on Windows writes the key with the formats that keep it out of clipboard history, via stdin', async () => {
    const calls: { file: string; args: string[]; input: string }[] = [];
    const fakeSpawn = ((file: string, args: string[]) => {
      const child = new EventEmitter() as EventEmitter & { stdin: { end(s: string): void } };
      const call = { file, args, input: '' };
      calls.push(call);
      child.stdin = {
        end: (s: string) => {
          call.input = s;
          setImmediate(() => child.emit('exit', 0));
        },
      };
      return child;
    }) as unknown as Spawn;
    const raw = { writeText: vi.fn(), readText: vi.fn(() => ''), clear: vi.fn() };
    await secretClipboard(raw, 'win32', fakeSpawn).writeSecret('the-key');
    expect(raw.writeText).not.toHaveBeenCalled();
    expect(calls).toHaveLength(1);
    // By its absolute path: never a powershell.exe planted in the current folder.
    expect(calls[0]!.file).toMatch(/^[A-Z]:\\.*\\System32\\WindowsPowerShell\\v1\.0\\powershell\.exe$/i);
    expect(powershellPath({ SystemRoot: 'D:\\WINDOWS' })).toBe(
      'D:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    );
    expect(calls[0]!.input).toBe('the-key');
    expect(calls[0]!.args.join(' ')).not.toContain('the-key');
    for (const format of WINDOWS_PRIVATE_FORMATS) expect(WINDOWS_SCRIPT).toContain(`'${format}'`);
    expect(calls[0]!.args).toContain('-STA');
  });

  it('on Windows fails instead of copying without the markers', async () => {
    const fakeSpawn = (() => {
      const child = new EventEmitter() as EventEmitter & { stdin: { end(): void } };
      child.stdin = {
        end: () => setImmediate(() => child.emit('error', Object.assign(new Error('x'), { code: 'ENOENT' }))),
      };
      return child;
    }) as unknown as Spawn;
    const raw = { writeText: vi.fn(), readText: vi.fn(() => ''), clear: vi.fn() };
    await expect(secretClipboard(raw, 'win32', fakeSpawn).writeSecret('k')).rejects.toMatchObject({
      code: 'internal',
    });
    expect(raw.writeText).not.toHaveBeenCalled();
  });
});
