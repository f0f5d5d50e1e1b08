// Signatures for apps certified by JTL. The vendor's signing key never reaches a merchant's machine:
// right before each registration POST the helper asks the manifest's SignatureProvider for a fresh
// `Signature` over "<AppId>.<SignatureData>", and checks that the answer is well-formed and that
// SignatureData is within 10 minutes of this computer's clock. Any failure means nothing goes to Wawi.

import { type AppManifest, SIGNATURE_VALID_MS, signatureAge } from '../../../shared/manifest';
import * as z from '../../../shared/zod';
import { asHelperError, HelperError, isAbort } from '../errors';
import { camelKeys } from '../wawi/answers';
import { type HttpOptions, httpRequest } from '../wawi/http';

export interface Signed {
  Signature: string;
  SignatureData: string;
}

/** The port: signs one registration of an app (default: the manifest's SignatureProvider over HTTP). */
export type Signer = (manifest: AppManifest, signal?: AbortSignal) => Promise<Signed>;

const answerSchema = z.object({
  signature: z.string().check(z.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Signature must be base64')),
  signatureData: z.iso.datetime({ offset: true, message: 'SignatureData must be an ISO 8601 date-time' }),
});

function unavailable(provider: string, reason: string, extra: Record<string, string> = {}): HelperError {
  return new HelperError('signature-unavailable', { params: { provider, reason, ...extra } });
}

/** Throws when a SignatureData is more than 10 minutes from `now` (JTL-Wawi would refuse it). */
export function checkSignatureAge(
  signed: Signed,
  now: number,
  provider: string,
  variant: 'stale' | 'static',
) {
  const age = signatureAge(signed.SignatureData, now);
  if (age === undefined || Math.abs(age) > SIGNATURE_VALID_MS)
    throw unavailable(provider, `SignatureData ${signed.SignatureData}`, {
      variant,
      signedAt: signed.SignatureData,
    });
}

/** Asks a SignatureProvider: POST {"appId","appVersion"} → 200 {"Signature","SignatureData"}. */
export async function fetchSignature(
  provider: string,
  manifest: Pick<AppManifest, 'AppId' | 'Version'>,
  now: () => number,
  http: HttpOptions = {},
  signal?: AbortSignal,
): Promise<Signed> {
  let r: Awaited<ReturnType<typeof httpRequest>>;
  try {
    r = await httpRequest(
      provider,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ appId: manifest.AppId, appVersion: manifest.Version }),
        signal,
        address: provider,
      },
      {
        connectTimeoutMs: http.connectTimeoutMs,
        responseTimeoutMs: http.responseTimeoutMs,
        maxBytes: 64 * 1024,
      },
    );
  } catch (err) {
    if (isAbort(err, signal)) throw new HelperError('cancelled');
    const e = asHelperError(err);
    throw unavailable(provider, e.code === 'unreachable' ? 'no answer' : e.code);
  }
  if (r.status !== 200) throw unavailable(provider, `it answered with status ${r.status}`);
  if (r.kind !== 'json') throw unavailable(provider, 'the answer is not JSON');
  const parsed = answerSchema.safeParse(camelKeys(r.json));
  if (!parsed.success) throw unavailable(provider, parsed.error.issues.map((i) => i.message).join('; '));
  const signed = { Signature: parsed.data.signature, SignatureData: parsed.data.signatureData };
  checkSignatureAge(signed, now(), provider, 'stale');
  return signed;
}

/**
 * The manifest as it is sent this time: signed fresh by its provider, or with its static signature
 * once that is checked for age, or unsigned.
 */
export async function signedForSending(
  manifest: AppManifest,
  sign: Signer,
  now: number,
  signal?: AbortSignal,
): Promise<AppManifest> {
  if (manifest.SignatureProvider) return { ...manifest, ...(await sign(manifest, signal)) };
  if (manifest.Signature && manifest.SignatureData) {
    checkSignatureAge(
      { Signature: manifest.Signature, SignatureData: manifest.SignatureData },
      now,
      'the app manifest',
      'static',
    );
  }
  return manifest;
}
