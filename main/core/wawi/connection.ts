// How the helper reaches a registration's server, and when it may send a secret there:
// - https: the OS must trust the certificate, or it must be exactly the certificate the merchant
//   trusted (its SHA-256 pin). A CA-signed certificate needs no pin.
// - http: to this computer always; to another machine only with the merchant's explicit consent.
// Scheme, pin and consent are kept with the registration (keychain connection entry) and never guessed.
import type { CertificateInfo, ConnectionEntry, ServerRef } from '../../../shared/registration';
import { asHelperError, HelperError } from '../errors';
import { isLoopback, parseWawiAddress, type WawiServer, withProtocol } from './address';
import { WawiClient } from './client';
import type { HttpOptions } from './http';
import { inspectCertificate, normalizeFingerprint } from './tls';

/** What the merchant (or IT admin) said about trusting a server when registering. */
export interface TrustOptions {
  /** Trust a certificate the OS does not trust, pinning the one presented now (trust on first use). */
  allowSelfSigned?: boolean;
  /** Trust exactly the certificate with this SHA-256 fingerprint. */
  certificatePin?: string;
  /** Plain http to a host on the network is acceptable. */
  insecureHttp?: boolean;
}

/** The parts of a server reference that decide how it is reached. */
export type Connection = Pick<ServerRef, 'certificatePin' | 'insecureHttp'>;

export function connectionEntry(server: Pick<ServerRef, 'baseUrl' | 'certificatePin' | 'insecureHttp'>) {
  const entry: ConnectionEntry = { v: 1, baseUrl: server.baseUrl };
  if (server.certificatePin) entry.certificatePin = server.certificatePin;
  if (server.insecureHttp) entry.insecureHttp = true;
  return entry;
}

/** A client that sends secrets only as the connection allows. */
export function clientFor(server: WawiServer, conn: Connection, http: HttpOptions = {}): WawiClient {
  return new WawiClient(
    server,
    { ...http, certificatePin: conn.certificatePin },
    { insecureHttp: conn.insecureHttp === true },
  );
}

export function insecureRefused(server: WawiServer): HelperError {
  return new HelperError('insecure-http', { params: { address: server.baseUrl } });
}

/** The certificate a server presents now (a handshake, nothing sent); unreachable when it can't be read. */
export async function certificateAt(
  server: WawiServer,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<CertificateInfo> {
  try {
    return await inspectCertificate(new URL(server.baseUrl).hostname, server.port, options);
  } catch (err) {
    throw new HelperError('unreachable', {
      params: { address: server.baseUrl, reason: (err as { code?: string }).code ?? (err as Error).message },
    });
  }
}

/** A fingerprint as typed (with or without colons), or a usage error that says what is expected. */
export function fingerprintOrThrow(input: string): string {
  const pin = normalizeFingerprint(input);
  if (!pin)
    throw new HelperError('invalid-input', {
      params: {
        reason: `"${input.slice(0, 120)}" is not a SHA-256 fingerprint (64 hexadecimal digits, with or without colons).`,
      },
    });
  return pin;
}

/**
 * The connection for a new registration. An earlier registration of this account keeps its own
 * (no option overrides a pin); otherwise the options decide. Nothing is sent to the server here except
 * a TLS handshake to read its certificate for trust on first use.
 */
export async function connectionForNew(
  server: WawiServer,
  trust: TrustOptions,
  signal?: AbortSignal,
): Promise<Connection & { pinnedNow?: boolean }> {
  if (server.protocol === 'http') {
    if (isLoopback(server)) return {};
    if (!trust.insecureHttp) throw insecureRefused(server);
    return { insecureHttp: true };
  }
  if (trust.certificatePin) return { certificatePin: fingerprintOrThrow(trust.certificatePin) };
  if (!trust.allowSelfSigned) return {};
  const seen = await certificateAt(server, { signal });
  return seen.trusted ? {} : { certificatePin: seen.fingerprint, pinnedNow: true };
}

/**
 * For a registration whose scheme is unknown (its key was found without a connection entry): https
 * the OS trusts, else http to this computer. Anything else needs the merchant's explicit trust first.
 * Only /info is read here; the key is never sent before this succeeds.
 */
export async function confirmUnknown(
  ref: ServerRef,
  connect: (server: WawiServer, conn: Connection) => Pick<WawiClient, 'detect'>,
  signal?: AbortSignal,
): Promise<{ server: WawiServer; conn: Connection }> {
  const server = withProtocol(parseWawiAddress(ref.baseUrl), 'https');
  try {
    await connect(server, {}).detect(signal);
    return { server, conn: {} };
  } catch (err) {
    const e = asHelperError(err);
    if (e.code !== 'unreachable') throw e; // an untrusted certificate says so, with its fingerprint
  }
  const plain = withProtocol(server, 'http');
  if (!isLoopback(plain)) throw insecureRefused(plain);
  await connect(plain, {}).detect(signal);
  return { server: plain, conn: {} };
}

/** The reference to a server that records, events and entries carry (never a secret). */
export function serverRef(server: WawiServer, wawiVersion?: string, conn: Connection = {}): ServerRef {
  return {
    baseUrl: server.baseUrl,
    host: server.host,
    port: server.port,
    database: server.database,
    ...(wawiVersion ? { wawiVersion } : {}),
    ...(conn.certificatePin ? { certificatePin: conn.certificatePin } : {}),
    ...(conn.insecureHttp ? { insecureHttp: true as const } : {}),
  };
}
