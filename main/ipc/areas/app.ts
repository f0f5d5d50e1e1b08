// The app's own channels: what it was launched with, the language, the provider's website, and the
// support helps of a failure (its details on the clipboard, the log folder).
import { scopeCatalog } from '../../../shared/scopes';
import { HelperError } from '../../core/index';
import type { HandlerTable } from '../dispatcher';
import type { HandlerDeps } from '../types';

type AppChannels =
  | 'app:launch'
  | 'lang:get'
  | 'lang:set'
  | 'app:open-website'
  | 'app:copy-details'
  | 'app:open-log-folder';

/** The words of every known permission, made once. */
let catalog: ReturnType<typeof scopeCatalog> | undefined;
const words = () => (catalog ??= scopeCatalog());

export function appHandlers(deps: HandlerDeps): Pick<HandlerTable, AppChannels> {
  const { launch } = deps;
  return {
    'app:launch': async () => ({
      action: launch.action,
      manifest: launch.manifest,
      manifestWarnings: launch.manifestWarnings,
      manifestError: launch.manifestError?.toJSON() ?? null,
      wawi: launch.wawi,
      lang: deps.lang.get(),
      platform: launch.platform,
      keychainService: deps.core.keychainService,
      productName: deps.productName ?? null,
      scopeWords: words(),
    }),
    'lang:get': async () => ({ lang: deps.lang.get() }),
    'lang:set': async ({ lang }) => {
      deps.lang.set(lang);
      return { lang };
    },
    'app:open-website': async () => {
      const url = launch.manifest?.ProviderWebsite;
      if (!url)
        throw new HelperError('invalid-input', { params: { reason: 'No provider website is known.' } });
      const parsed = new URL(url);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        throw new HelperError('invalid-input', { params: { reason: 'Only web addresses are opened.' } });
      await deps.openExternal(parsed.toString());
      return {};
    },
    'app:copy-details': async ({ text }) => {
      await deps.clipboard.writeText(text);
      return {};
    },
    'app:open-log-folder': async () => {
      await deps.openLogFolder();
      return {};
    },
  };
}
