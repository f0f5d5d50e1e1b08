import type { IncomingHttpHeaders } from 'node:http';
import type { Agent } from 'node:https';

export declare const KEY_SERVICE: 'JTL-Wawi API key';
export declare const CONNECTION_SERVICE: 'JTL-Wawi server connection';

export type WawiKeyErrorCode =
  | 'not-registered'
  | 'several-registrations'
  | 'keychain-error'
  | 'connection-unknown'
  | 'certificate-changed';

export declare class WawiKeyError extends Error {
  readonly code: WawiKeyErrorCode;
  constructor(code: WawiKeyErrorCode, message: string, options?: { cause?: unknown });
}

/** A registration the helper stored: the key and how to reach its server. */
export interface WawiRegistration {
  /** The keychain account: `<AppId>[#<instance>]@<host>:<port>/<database>`. */
  account: string;
  appId: string;
  /** 1 for the first instance; 2, 3, … for further instances of a MultiInstance app. */
  instance: number;
  host: string;
  port: number;
  /** The Mandant as the API path names it (its database). */
  database: string;
  /** The API key. Never log it. */
  key: string;
  /** First 8 hex digits of the key's SHA-256 (the helper's result file and list show the same). */
  keyFingerprint: string;
  /** The API base URL, e.g. https://wawi-server:64110/api/eazybusiness; null when not confirmed. */
  baseUrl: string | null;
  /** SHA-256 fingerprint ("AB:CD:…") of the only certificate to accept; null: the OS must trust it. */
  certificatePin: string | null;
  /** The merchant agreed to plain http to another computer. */
  insecureHttp: boolean;
}

export interface Services {
  key?: string;
  connection?: string;
}

export declare function accountFor(appId: string, address: string): string;
export declare function parseAccount(
  account: string,
): { appId: string; instance: number; host: string; port: number; database: string } | undefined;
export declare function keyFingerprint(key: string): string;
export declare function findRegistrations(query: {
  appId: string;
  database?: string;
  address?: string;
  services?: Services;
}): Promise<WawiRegistration[]>;
export declare function readRegistration(query: {
  appId: string;
  database?: string;
  address?: string;
  instance?: number;
  services?: Services;
}): Promise<WawiRegistration & { baseUrl: string }>;
export declare function wawiHeaders(
  registration: Pick<WawiRegistration, 'key' | 'appId'>,
  appVersion: string,
): { Authorization: string; 'x-appid': string; 'x-appversion': string };
export declare function pinnedAgent(pin: string): Agent;
export declare function wawiRequest(
  registration: WawiRegistration & { baseUrl: string },
  path: string,
  options: { appVersion: string; method?: string; body?: unknown; timeoutMs?: number },
): Promise<{ status: number; headers: IncomingHttpHeaders; body: unknown }>;
