// `wawi-register check-manifest`: checks a manifest (and its icon) without sending anything.
import { HelperError, loadManifest } from '../../core/index';
import type { Ctx } from '../context';

export async function checkManifestCommand({ out, options }: Ctx): Promise<number> {
  if (!options.manifest)
    throw new HelperError('invalid-input', { params: { reason: 'check-manifest needs --manifest <file>.' } });
  const loaded = loadManifest(options.manifest);
  for (const w of loaded.warnings) out.say(`! ${out.t.warningsHeader}: ${w.field} ${w.message}`);
  const m = loaded.manifest;
  out.result(`✔ ${m.DisplayName} (${m.AppId}, ${m.Version}): ${loaded.path}`);
  out.done({ command: 'check-manifest', appId: m.AppId, warnings: loaded.warnings });
  return 0;
}
