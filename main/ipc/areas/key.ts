// Copying the key of the launching app's registration (that vendor's app is waiting for it). Main
// copies it, marked to stay out of clipboard history; the renderer never sees it. It is cleared after a
// while and on quit, if the clipboard still holds it.
import { HelperError } from '../../core/index';
import type { HandlerTable } from '../dispatcher';
import type { HandlerDeps } from '../types';

export class CopiedKey {
  /** The key last copied, while it may still be on the clipboard. */
  private key: string | undefined;

  constructor(private readonly deps: HandlerDeps) {}

  async copy(account: string): Promise<number> {
    const { core, launch, clipboard } = this.deps;
    const record = await core.record(account);
    if (!launch.manifest || record.appId !== launch.manifest.AppId)
      throw new HelperError('invalid-input', {
        params: { reason: 'Only the key of the app that started this helper can be copied.' },
      });
    const key = await core.readKey(account);
    await clipboard.writeSecret(key);
    this.key = key;
    core.log.info('key copied to the clipboard', { account });
    const clearMs = this.deps.clipboardClearMs ?? 60_000;
    const setTimer =
      this.deps.setTimer ?? ((fn: () => Promise<void> | undefined, ms: number) => setTimeout(fn, ms).unref());
    // The timer's work is returned, so a test can wait for it to end before it asserts.
    setTimer(() => (this.key === key ? this.clear() : undefined), clearMs);
    return clearMs;
  }

  /** Clears the clipboard only if it still holds the copied key (not what the merchant copied since). */
  async clear(): Promise<void> {
    const key = this.key;
    if (!key) return;
    this.key = undefined;
    if ((await this.deps.clipboard.readText()) === key) await this.deps.clipboard.clear();
  }
}

export function keyHandlers(copied: CopiedKey): Pick<HandlerTable, 'key:copy' | 'key:clear'> {
  return {
    'key:copy': async ({ account }) => ({ clearAfterMs: await copied.copy(account) }),
    'key:clear': async () => {
      await copied.clear();
      return {};
    },
  };
}
