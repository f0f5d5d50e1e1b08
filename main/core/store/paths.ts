// Where the helper keeps its non-secret files: metadata and logs.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'Wawi Registration Helper';

/**
 * The app-data folder: %APPDATA%\Wawi Registration Helper on Windows, ~/Library/Application Support/…
 * on macOS, $XDG_CONFIG_HOME/wawi-registration-helper on Linux. WAWI_REGISTER_HOME overrides it.
 */
export function appDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
  home = homedir(),
): string {
  if (env.WAWI_REGISTER_HOME) return env.WAWI_REGISTER_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'wawi-registration-helper');
}

export function metadataFile(dir: string): string {
  return join(dir, 'registrations.json');
}

export function logFile(dir: string): string {
  return join(dir, 'logs', 'helper.log');
}
