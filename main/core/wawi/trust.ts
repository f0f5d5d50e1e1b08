// Trusting a registered server again, as an explicit act: after its certificate was renewed (a new
// pin), for a registration whose connection is unknown, or to consent to plain http on the network.
// The merchant sees the pinned fingerprint and the presented one before saying yes.
import type { CertificateInfo, RegistrationRecord, ServerRef } from '../../../shared/registration';
import { HelperError } from '../errors';
import { isLoopback, parseWawiAddress, type WawiServer, withProtocol } from './address';
import { certificateAt, fingerprintOrThrow } from './connection';

export interface TrustCheck {
  account: string;
  appId: string;
  /** The address the helper would connect to. */
  baseUrl: string;
  /** The fingerprint trusted so far, if any. */
  pinned?: string;
  /** https: the certificate the server presents now. */
  presented?: CertificateInfo;
  /** What the merchant must decide: nothing, trusting the presented certificate, or plain http. */
  needs: 'nothing' | 'certificate' | 'consent';
}

export interface TrustDecision {
  /** The fingerprint the merchant compared and accepts (must be the one presented). */
  certificatePin?: string;
  /** The merchant accepts plain http to this host on the network. */
  insecureHttp?: boolean;
}

/** The server presents this certificate now, or speaks plain http (undefined). */
async function presentedAt(
  server: WawiServer,
  mayBeHttp: boolean,
  signal?: AbortSignal,
): Promise<CertificateInfo | undefined> {
  try {
    return await certificateAt(server, { signal });
  } catch (err) {
    if (mayBeHttp) return undefined; // no TLS spoken there: the server speaks http
    throw err;
  }
}

/** Reads what the server presents and what the registration trusts. Sends nothing but a handshake. */
export async function checkTrust(record: RegistrationRecord, signal?: AbortSignal): Promise<TrustCheck> {
  const ref = record.server;
  const typed = parseWawiAddress(ref.baseUrl);
  // Unknown scheme: https when the server speaks TLS, else http.
  const server = ref.connectionUnknown ? withProtocol(typed, 'https') : typed;
  const base = {
    account: record.account,
    appId: record.appId,
    ...(ref.certificatePin ? { pinned: ref.certificatePin } : {}),
  };
  if (server.protocol === 'https') {
    const presented = await presentedAt(server, ref.connectionUnknown === true, signal);
    if (presented) {
      const ok = ref.certificatePin ? presented.fingerprint === ref.certificatePin : presented.trusted;
      return { ...base, baseUrl: server.baseUrl, presented, needs: ok ? 'nothing' : 'certificate' };
    }
  }
  const plain = withProtocol(server, 'http');
  const ok = isLoopback(plain) || ref.insecureHttp === true;
  return { ...base, baseUrl: plain.baseUrl, needs: ok ? 'nothing' : 'consent' };
}

/**
 * Trusts the server of a registration as decided: the presented certificate (its fingerprint must be
 * the one the merchant confirmed), or plain http. Returns the connection before and after.
 */
export async function decideTrust(
  record: RegistrationRecord,
  decision: TrustDecision,
  signal?: AbortSignal,
): Promise<{ check: TrustCheck; server: ServerRef }> {
  const check = await checkTrust(record, signal);
  const { certificatePin: _p, insecureHttp: _i, connectionUnknown: _u, ...rest } = record.server;
  if (check.presented) {
    if (!decision.certificatePin)
      throw new HelperError('invalid-input', {
        params: { reason: 'Name the fingerprint you compared (the server speaks https).' },
      });
    const pin = fingerprintOrThrow(decision.certificatePin);
    if (pin !== check.presented.fingerprint) {
      throw new HelperError('certificate-changed', {
        params: {
          address: check.baseUrl,
          appId: record.appId,
          expected: pin,
          fingerprint: check.presented.fingerprint,
          subject: check.presented.subject,
        },
      });
    }
    // A certificate the OS trusts needs no pin.
    const server: ServerRef = {
      ...rest,
      baseUrl: check.baseUrl,
      ...(check.presented.trusted ? {} : { certificatePin: pin }),
    };
    return { check, server };
  }
  if (check.needs === 'consent' && !decision.insecureHttp)
    throw new HelperError('insecure-http', { params: { address: check.baseUrl, appId: record.appId } });
  const plain = parseWawiAddress(check.baseUrl);
  return {
    check,
    server: {
      ...rest,
      baseUrl: check.baseUrl,
      ...(isLoopback(plain) ? {} : { insecureHttp: true as const }),
    },
  };
}
