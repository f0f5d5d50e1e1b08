// What the CLI talks to: its streams, environment and platform, the interrupt hook, and the simulator
// for `--demo` and `sim` (loaded only when asked for, from tools/wawi-sim).
export interface SimHandle {
  apiUrl(db?: string): string;
  adminUrl: string;
  url: string;
  close(): Promise<void>;
  setWindow(db: string, open: boolean): void;
}

export interface CliIO {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Called with a function that cancels the running command (SIGINT). */
  onInterrupt?: (cancel: () => void) => void;
  /** For `--demo` and `sim`: starts the Wawi simulator (kept out of the core and the main bundle). */
  startSim?: (options: Record<string, unknown>) => Promise<SimHandle>;
  /** The demo app's manifest file, for `register --demo`. */
  demoManifestFile?: () => string;
}
