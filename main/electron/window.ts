// The locked-down window: its options, the minimal menu, and the checks on every webContents (trusted
// sender, external links only to the system browser, no navigation, no new windows).
import type * as Electron from 'electron';
import { APP_ORIGIN, APP_SCHEME } from './protocol';

/** The page's background (renderer/src/styles.css), so the window opens in the system's theme. */
export const WINDOW_BACKGROUND = { light: '#f6f7f9', dark: '#16191d' } as const;

/** DevTools only in development: a packaged helper never opens them. */
export function windowOptions(
  preload: string,
  title: string,
  devTools = false,
  dark = false,
): Electron.BrowserWindowConstructorOptions {
  return {
    width: 860,
    height: 700,
    minWidth: 640,
    minHeight: 560,
    title,
    show: false,
    backgroundColor: dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
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
