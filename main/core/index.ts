// Wires the core from the environment: app-data folder, keychain, logger. Used by the CLI and the app.
import { Core, type CoreDeps } from './flows';
import type { HttpOptions } from './http';
import { createLogger, type Level, type Logger } from './logger';
import { MetadataStore } from './metadata';
import { appDataDir, logFile, metadataFile } from './paths';
import { type KeychainBackend, KeyVault, loadKeytar } from './vault';

export interface CoreEnvironment {
  /** App-data folder (metadata, logs). Default: appDataDir(). */
  home?: string;
  /** Keychain service for the keys. Default "JTL-Wawi API key"; WAWI_REGISTER_KEYCHAIN_SERVICE overrides (tests). */
  service?: string;
  keychain?: () => KeychainBackend;
  logLevel?: Level;
  /** Write log lines to stderr as well (--verbose). */
  verbose?: boolean;
  http?: HttpOptions;
  logger?: Logger;
  overrides?: Partial<CoreDeps>;
}

export function createCore(env: CoreEnvironment = {}): {
  core: Core;
  home: string;
  logger: Logger;
  vault: KeyVault;
} {
  const home = env.home ?? appDataDir();
  const logger =
    env.logger ??
    createLogger({
      file: logFile(home),
      level: env.logLevel ?? (env.verbose ? 'debug' : 'info'),
      stream: env.verbose ? process.stderr : undefined,
    });
  let backend: KeychainBackend | undefined;
  const vault = new KeyVault(() => (backend ??= (env.keychain ?? loadKeytar)()), {
    service: env.service ?? process.env.WAWI_REGISTER_KEYCHAIN_SERVICE,
  });
  const metadata = new MetadataStore(metadataFile(home), vault, logger);
  const core = new Core({ vault, metadata, logger, http: env.http, ...env.overrides });
  return { core, home, logger, vault };
}

export { accountName, parseWawiAddress, type WawiServer } from './address';
export { discover } from './discovery';
export { HelperError } from './errors';
export { Core } from './flows';
