// Finds Wawi REST servers: probes this computer (127.0.0.1 and [::1]) on the known ports, over https and
// http, and any configured address, in parallel with short timeouts, and reads /info. No discovery
// protocol exists (see docs/wawi-protocol.md). For https it reports the certificate: its SHA-256
// fingerprint, and whether the OS trusts it. Nothing secret is sent while probing.
import type { CertificateInfo, DiscoveredServer } from '../../../shared/registration';
import { loopbackCandidates } from '../../../shared/wawi-address';
import { asHelperError } from '../errors';
import { hasScheme, parseWawiAddress, type WawiServer, withProtocol } from './address';
import { WawiClient } from './client';
import { certificateAt } from './connection';
import type { HttpOptions } from './http';

export type { DiscoveredServer };

/** Without a scheme, each is probed over https and http. */
export const DEFAULT_CANDIDATES = loopbackCandidates();

/** How long one probe may take to connect and to answer. */
export const PROBE_TIMEOUT_MS = 800;

export interface DiscoveryResult {
  servers: DiscoveredServer[];
  /** Addresses that answered but not as a Wawi (for example a wrong database name). */
  other: { address: string; reason: string }[];
}

/** Reads /info at one address with one scheme. */
async function probeAt(
  server: WawiServer,
  http: HttpOptions,
  signal?: AbortSignal,
): Promise<DiscoveredServer> {
  let certificate: CertificateInfo | undefined;
  if (server.protocol === 'https')
    certificate = await certificateAt(server, { timeoutMs: http.connectTimeoutMs, signal });
  // An untrusted certificate: /info is read over exactly the certificate just seen (it needs no secret).
  const pin = certificate && !certificate.trusted ? certificate.fingerprint : undefined;
  const info = await new WawiClient(server, { ...http, certificatePin: pin }).detect(signal);
  return {
    baseUrl: server.baseUrl,
    host: server.host,
    port: server.port,
    database: info.tenant ?? server.database,
    wawiVersion: info.version,
    apiStyle: info.apiStyle,
    ...(certificate ? { certificate } : {}),
  };
}

/**
 * Reads /info at an address as typed. Without a scheme both are tried and https wins when it answers.
 */
export async function probeServer(
  address: string,
  http: HttpOptions = {},
  signal?: AbortSignal,
): Promise<DiscoveredServer> {
  const typed = parseWawiAddress(address);
  if (hasScheme(address)) return probeAt(typed, http, signal);
  const [secure, plain] = await Promise.allSettled([
    probeAt(withProtocol(typed, 'https'), http, signal),
    probeAt(withProtocol(typed, 'http'), http, signal),
  ]);
  if (secure.status === 'fulfilled') return secure.value;
  if (plain.status === 'fulfilled') return plain.value;
  // The more telling failure: something that answered beats nothing listening.
  const errors = [asHelperError(secure.reason), asHelperError(plain.reason)];
  throw errors.find((e) => e.code !== 'unreachable') ?? errors[1]!;
}

export async function discover(
  options: {
    /** The addresses to probe (default: this computer on the Wawi ports). */
    candidates?: string[];
    /** Probe this computer on these ports instead of the Wawi ports (tests take free ones). */
    ports?: number[];
    extra?: string[];
    timeoutMs?: number;
    http?: HttpOptions;
    signal?: AbortSignal;
  } = {},
): Promise<DiscoveryResult> {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const addresses = [
    ...new Set([
      ...(options.candidates ?? (options.ports ? loopbackCandidates(options.ports) : DEFAULT_CANDIDATES)),
      ...(options.extra ?? []),
    ]),
  ];
  const signal = options.signal
    ? AbortSignal.any([options.signal, AbortSignal.timeout(timeoutMs * 2)])
    : AbortSignal.timeout(timeoutMs * 2);
  const http: HttpOptions = { ...options.http, connectTimeoutMs: timeoutMs, responseTimeoutMs: timeoutMs };
  const results = await Promise.all(
    addresses.map(async (address) => {
      try {
        return { found: await probeServer(address, http, signal) };
      } catch (err) {
        const e = asHelperError(err);
        // Nothing listening is the normal case; anything else that answered is worth telling.
        if (e.code === 'unreachable' || e.code === 'internal') return {};
        return { other: { address, reason: e.message } };
      }
    }),
  );
  // One server listening on 127.0.0.1 and [::1] is found twice: keep the first (127.0.0.1).
  const servers = results.flatMap((r) => (r.found ? [r.found] : []));
  const key = (s: DiscoveredServer) =>
    `${s.baseUrl.split(':')[0]}|${s.host}|${s.port}|${s.database.toLowerCase()}`;
  const unique = [...new Map(servers.reverse().map((s) => [key(s), s])).values()].reverse();
  return { servers: unique, other: results.flatMap((r) => (r.other ? [r.other] : [])) };
}
