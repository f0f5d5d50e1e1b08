// Registrations, flow states and the events a running flow emits: the contract between the core,
// the CLI and the renderer. Nothing here ever holds an API key or a challenge code.

import { serializedErrorSchema } from './errors/schema';
import { FLOW_KINDS, FLOW_STATES } from './flow';
import { serviceKeySchema } from './service-account';
import * as z from './zod';

export const serverRefSchema = z.object({
  baseUrl: z.string(),
  host: z.string(),
  port: z.int(),
  database: z.string(),
  wawiVersion: z.optional(z.string()),
  /**
   * https only: the SHA-256 fingerprint ("AB:CD:…") of the certificate the merchant explicitly trusted.
   * Every later connection must present exactly this certificate. Absent: the OS must trust it.
   */
  certificatePin: z.optional(z.string()),
  /** http to a host on the network (not this computer): the merchant agreed to an unencrypted connection. */
  insecureHttp: z.optional(z.literal(true)),
  /**
   * The key was found in the keychain without a connection entry (metadata lost, or an older helper):
   * scheme and pin are unknown, and the key is not sent until a trusted connection is confirmed.
   */
  connectionUnknown: z.optional(z.literal(true)),
});
export type ServerRef = z.infer<typeof serverRefSchema>;

/** What a server's https certificate says, as discovery and the trust screens show it. */
export const certificateInfoSchema = z.object({
  /** SHA-256 over the DER certificate, upper-case hex pairs separated by colons. */
  fingerprint: z.string(),
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  /** The operating system trusts it (CA-signed and issued for this host name). */
  trusted: z.boolean(),
});
export type CertificateInfo = z.infer<typeof certificateInfoSchema>;

/** A Wawi REST server that answered a probe. */
/** How a server's paths are versioned: /v1/ (PascalCase), /v2/ (camelCase), or unversioned paths. */
export const API_STYLES = ['v1', 'v2', 'unversioned'] as const;
export type ApiStyle = (typeof API_STYLES)[number];

export const discoveredServerSchema = z.lazy(() =>
  z.extend(serverRefSchema, {
    apiStyle: z.enum(API_STYLES),
    /** https: the certificate it presented (trusted or not). */
    certificate: z.optional(certificateInfoSchema),
  }),
);
export type DiscoveredServer = z.infer<typeof discoveredServerSchema>;

/**
 * How to reach a registration's server, kept in the keychain beside its key (service
 * "JTL-Wawi server connection", same account): the scheme is in `baseUrl`. Rebuilding the metadata
 * reads it from here instead of guessing, so an https registration never falls back to http.
 */
export const connectionEntrySchema = z.object({
  v: z.literal(1),
  baseUrl: z.string(),
  certificatePin: z.optional(z.string()),
  insecureHttp: z.optional(z.literal(true)),
});
export type ConnectionEntry = z.infer<typeof connectionEntrySchema>;

/** What a key check found; `certificate-changed`: the server presented another certificate than the pinned one (no key was sent). */
export const VERIFY_RESULTS = [
  'works',
  'rejected',
  'missing-scope',
  'unreachable',
  'certificate-changed',
] as const;
export const verifyResultSchema = z.enum(VERIFY_RESULTS);
export type VerifyResult = z.infer<typeof verifyResultSchema>;

export const registrationRecordSchema = z.object({
  /** Keychain account: `<AppId>@<host>:<port>/<database>` under the service "JTL-Wawi API key". */
  account: z.string(),
  appId: z.string(),
  displayName: z.string(),
  appVersion: z.string(),
  server: serverRefSchema,
  requestId: z.optional(z.string()),
  grantedScopes: z.array(z.string()),
  registeredAt: z.nullable(z.string()),
  lastVerifiedAt: z.nullable(z.string()),
  lastVerifyResult: z.nullable(verifyResultSchema),
  /** First 8 hex digits of the key's SHA-256. */
  fingerprint: z.string().check(z.regex(/^[0-9a-f]{8}$/)),
  /** True when the record was rebuilt from the keychain after the metadata file was lost. */
  rebuilt: z.optional(z.boolean()),
  /**
   * A further instance of a MultiInstance app: 2, 3, … (its account is `<AppId>#<n>@…`). Absent for
   * the first instance.
   */
  instance: z.optional(z.int().check(z.minimum(2))),
  /** The app runs as a Windows service: its account, and what became of the key's copy for it. */
  serviceKey: z.optional(serviceKeySchema),
});
export type RegistrationRecord = z.infer<typeof registrationRecordSchema>;

export const flowStateSchema = z.enum(FLOW_STATES);

export const flowEventSchema = z.lazy(() =>
  z.object({
    flowId: z.string(),
    kind: z.enum(FLOW_KINDS),
    state: flowStateSchema,
    appId: z.string(),
    displayName: z.string(),
    server: serverRefSchema,
    elapsedMs: z.number(),
    /** Time left before the flow's deadline (it moves when the user keeps waiting). */
    remainingMs: z.optional(z.number()),
    /** While waiting: when the next poll happens. */
    nextPollInMs: z.optional(z.number()),
    /** Number of polls so far. */
    polls: z.optional(z.number()),
    /** A passing problem the flow survives (it retries). */
    transient: z.optional(serializedErrorSchema),
    /** Why the flow ended, for failed / timed-out / cancelled / rejected. */
    error: z.optional(serializedErrorSchema),
    /** When accepted or removed: the stored registration (no key). */
    record: z.optional(registrationRecordSchema),
    /** While awaiting removal: true once the old key no longer works. */
    oldKeyDead: z.optional(z.boolean()),
    /** Set on a flow that goes on with a pending registration: when that was started. */
    resumedFrom: z.optional(z.string()),
    /** From the moment Wawi confirmed the request (201): when that was. */
    sentAt: z.optional(z.string()),
    /** Requests of this flow that Wawi dropped because its dialog was closed (a new one is sent). */
    requestsExpired: z.optional(z.int()),
  }),
);
export type FlowEvent = z.infer<typeof flowEventSchema>;
export type { FlowKind, FlowState } from './flow';

/**
 * A registration that was (or is about to be) sent and is not decided yet. It lives in the keychain:
 * its request id and challenge code can fetch the key once, so they are a secret. It is written before
 * the request goes out and ends only on a final answer (accepted and stored, rejected, 404, 410) or
 * when the user discards it. Keep it small: Windows Credential Manager holds at most 2560 bytes.
 */
const pendingRegistrationObject = z.once(() =>
  z.object({
    v: z.literal(2),
    kind: z.enum(['register', 'rotate']),
    account: z.string(),
    baseUrl: z.string(),
    appId: z.string(),
    /** What the merchant sees in Wawi: name, provider, version (and the AppId). */
    displayName: z.string(),
    providerName: z.string(),
    appVersion: z.string(),
    /** Absent until Wawi answered the request: it may then be waiting in Wawi under an unknown id. */
    requestId: z.optional(z.string()),
    challengeCode: z.string(),
    /** When the entry was written, right before the request went out. */
    startedAt: z.string(),
    /** When Wawi confirmed the request (201). */
    sentAt: z.optional(z.string()),
    /** The certificate pin and http consent the request was sent with; polls use the same. */
    certificatePin: z.optional(z.string()),
    insecureHttp: z.optional(z.literal(true)),
    /** A further instance: its number, and the request id of the first instance it was asked for with. */
    instance: z.optional(z.int().check(z.minimum(2))),
    instanceOf: z.optional(z.string()),
    /** The manifest's ServiceAccount: the key also goes where only that account reads it. */
    serviceAccount: z.optional(z.string()),
  }),
);
export const pendingRegistrationSchema = z.lazy(pendingRegistrationObject);
export type PendingRegistration = z.infer<typeof pendingRegistrationSchema>;
/** The object schema of a pending entry, for composing (./main/core/store/pending-entry.ts). */
export { pendingRegistrationObject };

/** What the CLI and the app show of a pending registration: never its request id or challenge code. */
export const pendingViewSchema = z.lazy(() =>
  z.extend(
    z.pick(pendingRegistrationObject(), {
      account: true,
      appId: true,
      displayName: true,
      providerName: true,
      appVersion: true,
      startedAt: true,
      sentAt: true,
      kind: true,
    }),
    {
      server: serverRefSchema,
      /** False: the request may be waiting in Wawi, but its id is unknown; it can only be discarded. */
      requestConfirmed: z.boolean(),
    },
  ),
);
export type PendingView = z.infer<typeof pendingViewSchema>;
