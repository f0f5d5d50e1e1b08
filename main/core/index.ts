// The core's public entry: wires the registration service from the environment (app-data folder,
// keychain, logger) and names what the CLI, the IPC table and the shell may use. Nothing else of
// main/core is imported from outside it.

import type { CorePorts } from './flows/context';
import { createLogger, type Level, type Logger } from './log/logger';
import { RegistrationService } from './service';
import { serviceKeyDir } from './service-key/plan';
import { noServiceKeys, type ServiceKeyStore } from './service-key/store';
import { WindowsServiceKeyStore } from './service-key/windows-store';
import { storeInFreshProcess } from './store/fresh-store';
import { type KeychainBackend, type KeyringGuard, loadKeytar } from './store/keychain-backend';
import { accountLockPath, acquireLock, keychainLockPath } from './store/keychain-lock';
import { MetadataStore } from './store/metadata';
import { appDataDir, logFile, metadataFile } from './store/paths';
import { KeyVault } from './store/vault';
import type { HttpOptions } from './wawi/http';

export interface CoreEnvironment {
  /** The process environment the folders and the service come from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** App-data folder (metadata, logs). Default: appDataDir() (WAWI_REGISTER_HOME overrides it). */
  home?: string;
  /** Keychain service for the keys. Default "JTL-Wawi API key"; WAWI_REGISTER_KEYCHAIN_SERVICE overrides (tests). */
  service?: string;
  keychain?: () => KeychainBackend;
  /** Asks whether the keychain may be searched (default: the platform's; tests of another keychain pass their own). */
  keychainGuard?: KeyringGuard;
  logLevel?: Level;
  /** Write log lines to stderr as well (--verbose). */
  verbose?: boolean;
  http?: HttpOptions;
  logger?: Logger;
  /** Ports and timings to replace (tests). */
  overrides?: Partial<CorePorts>;
}

export function createCore(env: CoreEnvironment = {}): {
  core: RegistrationService;
  home: string;
  logger: Logger;
  vault: KeyVault;
  metadata: MetadataStore;
} {
  const processEnv = env.env ?? process.env;
  const home = env.home ?? appDataDir(processEnv);
  const logger =
    env.logger ??
    createLogger({
      file: logFile(home),
      level: env.logLevel ?? (env.verbose ? 'debug' : 'info'),
      stream: env.verbose ? process.stderr : undefined,
    });
  let backend: KeychainBackend | undefined;
  const vault = new KeyVault(() => (backend ??= (env.keychain ?? loadKeytar)()), {
    service: env.service ?? processEnv.WAWI_REGISTER_KEYCHAIN_SERVICE,
    ...(env.keychainGuard ? { guard: env.keychainGuard } : {}),
    // The real keytar on Linux: a Secret Service that restarted leaves this process's session stale, and
    // other helper processes on the same Secret Service must not race it (store/keychain-lock.ts).
    ...(!env.keychain && process.platform === 'linux'
      ? { freshStore: storeInFreshProcess, lockPath: keychainLockPath(processEnv) }
      : {}),
  });
  const metadata = new MetadataStore(metadataFile(home), vault, logger);
  const core = new RegistrationService({
    vault,
    metadata,
    logger,
    serviceKeys: serviceKeyStore(process.platform, processEnv),
    http: env.http,
    accountLock: (account, wait) => acquireLock(accountLockPath(vault.service, account, processEnv), wait),
    ...env.overrides,
  });
  return { core, home, logger, vault, metadata };
}

/**
 * Where service apps' key copies go: %ProgramData%\Wawi Registration Helper\keys on Windows (the
 * Windows tests name another folder in WAWI_REGISTER_SERVICE_KEY_DIR), nowhere on other platforms.
 */
function serviceKeyStore(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): ServiceKeyStore {
  if (platform !== 'win32') return noServiceKeys(platform);
  return new WindowsServiceKeyStore(env.WAWI_REGISTER_SERVICE_KEY_DIR || serviceKeyDir(env), { env });
}

export { asHelperError, HelperError, isHelperError, notRegistered } from './errors';
export { FlowControl } from './flows/control';
export type { FlowOptions } from './flows/flow';
export { formatDuration, Trigger } from './flows/timing';
export { registerSecret } from './log/logger';
export { loadManifest } from './manifest/manifest-file';
export { resultFileArgument, writeResultFile } from './result-file';
export { RegistrationService } from './service';
export type { KeychainBackend, KeyringGuard } from './store/keychain-backend';
export { appDataDir, logFile } from './store/paths';
export { readSettings, writeSettings } from './store/settings';
export { KEY_SERVICE } from './store/vault';
export { accountName, hasScheme, isLoopback, parseWawiAddress, type WawiServer } from './wawi/address';
export { fingerprintOrThrow } from './wawi/connection';
export type { DiscoveredServer } from './wawi/discovery';
export { powershellArgs, powershellPath, type Spawn } from './windows/powershell';
