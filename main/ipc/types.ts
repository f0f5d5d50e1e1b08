// What the IPC handler table is built from (the service, the launch, the clipboard, the OS) and what
// it offers the shell.
import type { Envelope } from '../../shared/ipc/schemas';
import type { Lang } from '../../shared/lang';
import type { LaunchAction } from '../../shared/launch';
import type { AppManifest, ManifestProblem } from '../../shared/manifest';
import type { FlowEvent } from '../../shared/registration';
import type { HelperError, RegistrationService } from '../core/index';

export interface LaunchState {
  action: LaunchAction;
  manifest: AppManifest | null;
  manifestWarnings: ManifestProblem[];
  manifestError: HelperError | null;
  wawi: string | null;
  platform: string;
}

/**
 * The clipboard as the key needs it (main/electron/clipboard.ts, or a test stand-in): `writeSecret`
 * marks the entry so that clipboard history and cloud clipboard skip it where the OS knows that.
 */
export interface Clipboard {
  writeSecret(text: string): void | Promise<void>;
  /** Plain text that is no secret (a failure's details for support). */
  writeText(text: string): void | Promise<void>;
  readText(): string | Promise<string>;
  clear(): void | Promise<void>;
}

export interface HandlerDeps {
  core: RegistrationService;
  launch: LaunchState;
  clipboard: Clipboard;
  openExternal(url: string): Promise<void> | void;
  /** Opens the folder of the log file in the file manager. */
  openLogFolder(): Promise<void> | void;
  lang: { get(): Lang; set(lang: Lang): void };
  /** Addresses discovery probes (default 127.0.0.1:5883 and :64110). */
  discoveryCandidates?: string[];
  clipboardClearMs?: number;
  setTimer?: (fn: () => Promise<void> | undefined, ms: number) => unknown;
  /** A vendor-branded build's product name (window title and header); else the helper's own name. */
  productName?: string;
}

export interface IpcHandlers {
  handle(channel: string, payload: unknown): Promise<Envelope>;
  subscribe(listener: (event: FlowEvent) => void): () => void;
  /** Cancels every running flow (window closed, app quitting). */
  cancelAll(): void;
  /** True while a flow runs. */
  busy(): boolean;
  /** True while an accepted key waits for the keychain: quitting now would lose it. */
  holdsUnstoredKey(): boolean;
  /** Clears the clipboard if it still holds a key copied here (on quit). */
  clearClipboard(): Promise<void>;
}
