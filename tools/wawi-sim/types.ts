// The simulator's shapes: its options, faults, the requests and apps it keeps, and its handle.
import type { Fault } from './faults';

export type { Fault } from './faults';

export type PathVersion = 'v1' | 'v2';

export interface SimOptions {
  port?: number;
  host?: string;
  /** Databases ("Mandanten") served under /api/<db>/. Default: ['eazybusiness']. */
  databases?: string[];
  /** Open the registration window at start and accept each request this many ms after its POST. */
  autoAcceptMs?: number;
  /** Keep registrations and apps in this JSON file across restarts. */
  stateFile?: string;
  /** Version reported by /info. */
  wawiVersion?: string;
  /** Tenant reported by /info instead of the database's name (e.g. a hostile server's text in tests). */
  tenant?: string;
  /** Versioned path prefixes this server knows. Default both; ['v2'] simulates a server without /v1/. */
  pathVersions?: PathVersion[];
  /** Quirk of some builds: 404 for the unversioned path when `api-version: 1.1` is sent. */
  unversionedQuirk404?: boolean;
  /** What the unversioned path answers without an api-version header: v1 (PascalCase) or v2 (camelCase, the default). */
  unversioned?: PathVersion;
  /** Start in licence-missing mode (402 everywhere but /info). */
  licenceMissing?: boolean;
  /** After accept or reject the Wawi dialog closes. Default: true, false with autoAcceptMs. */
  closeWindowAfterDecision?: boolean;
  /** Serve https with this key and certificate (as installations with TLS in front do). */
  tls?: { key: string; cert: string };
  /**
   * Require signed registrations (certified apps): the shared secret of the HMAC-SHA256 that stands
   * in for JTL's check. Unsigned, stale or wrong signatures get 402.
   */
  signatureSecret?: string;
}

export interface RegistrationRequest {
  id: string;
  appId: string;
  challengeCode: string;
  createdAt: string;
  status: 0 | 1 | 2;
  body: AppRequestBody;
  /** The field names of the body as sent (the body above is what Wawi made of it). */
  fields?: string[];
  apiKey?: string;
  grantedScopes?: string[];
  delivered: boolean;
  /** When the key (or the rejection) was handed out, in ms since the epoch. */
  deliveredAt?: number;
  /** For a POST /authentication/{id}: another instance of this registered app. */
  instanceOf?: string;
}

export interface RegisteredApp {
  appId: string;
  displayName: string;
  providerName: string;
  version: string;
  registrationType: number;
  grantedScopes: string[];
  keys: string[];
  registeredAt: string;
  icon: string;
}

export interface AppRequestBody {
  AppId: string;
  DisplayName: string;
  Description: string;
  Version: string;
  ProviderName: string;
  ProviderWebsite: string;
  MandatoryApiScopes: string[];
  OptionalApiScopes: string[];
  AppIcon: string;
  RegistrationType: number;
  LocalizedDisplayNames?: { LanguageIso: string; Name: string }[];
  LocalizedDescriptions?: { LanguageIso: string; Name: string }[];
  Signature?: string;
  SignatureData?: string;
}

export interface DbState {
  windowOpen: boolean;
  licenceMissing: boolean;
  requests: Map<string, RegistrationRequest>;
  apps: Map<string, RegisteredApp>;
}

export interface WawiSim {
  url: string;
  /** Base URL of a database's API, e.g. http://127.0.0.1:5883/api/eazybusiness */
  apiUrl(db?: string): string;
  adminUrl: string;
  port: number;
  setWindow(db: string, open: boolean): void;
  pending(db?: string): { id: string; appId: string }[];
  accept(id: string, grantedScopes?: string[], db?: string): void;
  reject(id: string, db?: string): void;
  removeApp(appId: string, db?: string): boolean;
  apps(db?: string): { appId: string; grantedScopes: string[]; keys: number }[];
  /** The merchant removes one instance (1 = the first) of an app: its key gets 401. */
  removeInstance(appId: string, instance: number, db?: string): boolean;
  /** Every registration request body received, as sent (for tests of what reached Wawi). */
  received(db?: string): {
    appId: string;
    signature?: string;
    signatureData?: string;
    instanceOf?: string;
    /** The body's field names, as sent. */
    fields: string[];
  }[];
  setLicenceMissing(db: string, missing: boolean): void;
  addFaults(faults: Fault[]): void;
  clearFaults(): void;
  /** Number of API requests served per "METHOD /path" (paths as sent). */
  hits: Map<string, number>;
  /** Every challenge code and API key this server has seen or issued (for tests that scan outputs). */
  challengeCodes(): string[];
  apiKeys(): string[];
  /** Every accepted request: its key, and when the key was handed out (undefined: not yet). */
  accepted(db?: string): { id: string; appId: string; apiKey: string; deliveredAt?: number }[];
  close(): Promise<void>;
}
