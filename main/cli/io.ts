// What the CLI talks to: its streams, environment and platform, the interrupt hook, and the simulator
// for `--demo` and `sim` (loaded only when asked for, from tools/wawi-sim).
export interface SimHandle {
  apiUrl(db?: string): string;
  adminUrl: string;
  url: string;
  close(): Promise<void>;
  setWindow(db: string, open: boolean): void;
}

import type { KeychainBackend, KeyringGuard } from '../core/index';

export interface CliIO {
  /** `columns`: a terminal's width (help wraps to it). */
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Called with a function that cancels the running command (SIGINT). */
  onInterrupt?: (cancel: () => void) => void;
  /** For `--demo` and `sim`: starts the Wawi simulator (kept out of the core and the main bundle). */
  startSim?: (options: Record<string, unknown>) => Promise<SimHandle>;
  /** The demo app's manifest file, for `register --demo`. */
  demoManifestFile?: () => string;
  /** Another keychain than the OS's, with the guard that goes with it (tests run the CLI in-process). */
  keychain?: { backend: () => KeychainBackend; guard: KeyringGuard };
}
