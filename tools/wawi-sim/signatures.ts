// The simulator's stand-in for JTL's check of certified apps: `Signature` must be the base64
// HMAC-SHA256 of "<AppId>.<SignatureData>" under a shared secret, and SignatureData within 10 minutes
// of the simulator's clock. JTL's real algorithm is not public; the contract around it is the same.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_WINDOW_MS = 10 * 60 * 1000;

/** The signature a vendor's signing service would make with this secret. */
export function simSignature(secret: string, appId: string, signatureData: string): string {
  return createHmac('sha256', secret).update(`${appId}.${signatureData}`).digest('base64');
}

/** Why a request's signature is refused, or undefined when it is good. */
export function signatureProblem(
  body: { AppId: string; Signature?: string; SignatureData?: string },
  secret: string,
  now: number,
): string | undefined {
  if (!body.Signature || !body.SignatureData) return 'missing';
  const at = Date.parse(body.SignatureData);
  if (Number.isNaN(at) || Math.abs(now - at) > SIGNATURE_WINDOW_MS) return 'stale';
  const want = Buffer.from(simSignature(secret, body.AppId, body.SignatureData));
  const got = Buffer.from(body.Signature);
  return want.length === got.length && timingSafeEqual(want, got) ? undefined : 'wrong';
}
