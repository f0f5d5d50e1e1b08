// `wawi-register check-manifest`: checks a manifest (and its icon) without sending anything.
import { HelperError, loadManifest } from '../../core/index';
import type { Ctx } from '../context';

export async function checkManifestCommand({ core, out, options, signal }: Ctx): Promise<number> {
  if (!options.manifest)
    throw new HelperError('invalid-input', { params: { reason: 'check-manifest needs --manifest <file>.' } });
  const loaded = loadManifest(options.manifest);
  for (const w of loaded.warnings) out.say(`! ${out.t.warningsHeader}: ${w.field} ${w.message}`);
  const m = loaded.manifest;
  // A certified app's SignatureProvider is asked as a registration would ask it: checked, not sent on.
  const signed = m.SignatureProvider ? await core.sign(m, signal) : undefined;
  out.result(`✔ ${m.DisplayName} (${m.AppId}, ${m.Version}): ${loaded.path}`);
  if (signed && m.SignatureProvider)
    out.result(
      `  ${out.t.signatureAnswered(m.SignatureProvider, signed.SignatureData, signed.Signature.length)}`,
    );
  out.done({
    command: 'check-manifest',
    appId: m.AppId,
    warnings: loaded.warnings,
    ...(signed
      ? { signatureProvider: { url: m.SignatureProvider, signatureData: signed.SignatureData } }
      : {}),
  });
  return 0;
}
