// Finds Wawi REST servers: probes 127.0.0.1 on the known ports (and any configured address) in
// parallel with short timeouts and reads /info. No discovery protocol exists (see the protocol notes).
import type { ServerRef } from '../../shared/registration';
import { parseWawiAddress } from './address';
import { asHelperError } from './errors';
import type { HttpOptions } from './http';
import { WawiClient } from './wawi-client';

export const DEFAULT_CANDIDATES = ['http://127.0.0.1:5883', 'http://127.0.0.1:64110'];

export interface DiscoveredServer extends ServerRef {
  apiStyle: 'v1' | 'v2' | 'unversioned';
}

export interface DiscoveryResult {
  servers: DiscoveredServer[];
  /** Addresses that answered but not as a Wawi (for example a wrong database name). */
  other: { address: string; reason: string }[];
}

/** Reads /info at an address: the server with its base URL, database and Wawi version. */
export async function probeServer(
  address: string,
  http: HttpOptions = {},
  signal?: AbortSignal,
): Promise<DiscoveredServer> {
  const server = parseWawiAddress(address);
  const info = await new WawiClient(server, http).detect(signal);
  return {
    baseUrl: server.baseUrl,
    host: server.host,
    port: server.port,
    database: info.tenant ?? server.database,
    wawiVersion: info.version,
    apiStyle: info.apiStyle,
  };
}

export async function discover(
  options: {
    candidates?: string[];
    extra?: string[];
    timeoutMs?: number;
    http?: HttpOptions;
    signal?: AbortSignal;
  } = {},
): Promise<DiscoveryResult> {
  const timeoutMs = options.timeoutMs ?? 800;
  const addresses = [...new Set([...(options.candidates ?? DEFAULT_CANDIDATES), ...(options.extra ?? [])])];
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
  const servers = results.flatMap((r) => (r.found ? [r.found] : []));
  const unique = [...new Map(servers.map((s) => [s.baseUrl, s])).values()];
  return { servers: unique, other: results.flatMap((r) => (r.other ? [r.other] : [])) };
}
