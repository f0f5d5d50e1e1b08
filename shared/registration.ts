// Registrations, flow states and the events a running flow emits: the contract between the core,
// the CLI and the renderer. Nothing here ever holds an API key or a challenge code.
import { z } from 'zod';
import { serializedErrorSchema } from './errors';

export const serverRefSchema = z.object({
  baseUrl: z.string(),
  host: z.string(),
  port: z.number().int(),
  database: z.string(),
  wawiVersion: z.string().optional(),
  /** The merchant explicitly trusted this https server's self-signed certificate when registering. */
  allowSelfSigned: z.boolean().optional(),
});
export type ServerRef = z.infer<typeof serverRefSchema>;

export const VERIFY_RESULTS = ['works', 'rejected', 'missing-scope', 'unreachable'] as const;
export const verifyResultSchema = z.enum(VERIFY_RESULTS);
export type VerifyResult = z.infer<typeof verifyResultSchema>;

export const registrationRecordSchema = z.object({
  /** Keychain account: `<AppId>@<host>:<port>/<database>` under the service "JTL-Wawi API key". */
  account: z.string(),
  appId: z.string(),
  displayName: z.string(),
  appVersion: z.string(),
  server: serverRefSchema,
  requestId: z.string().optional(),
  grantedScopes: z.array(z.string()),
  registeredAt: z.string().nullable(),
  lastVerifiedAt: z.string().nullable(),
  lastVerifyResult: verifyResultSchema.nullable(),
  /** First 8 hex digits of the key's SHA-256. */
  fingerprint: z.string().regex(/^[0-9a-f]{8}$/),
  /** True when the record was rebuilt from the keychain after the metadata file was lost. */
  rebuilt: z.boolean().optional(),
});
export type RegistrationRecord = z.infer<typeof registrationRecordSchema>;

export const FLOW_KINDS = ['register', 'rotate', 'revoke'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/**
 * The states of a flow. Register: sending → waiting → storing → verifying → accepted.
 * Rotate and revoke first wait for the app to be removed in Wawi ("awaiting-removal").
 * Final: accepted, removed, rejected, failed, cancelled, timed-out.
 */
const ACTIVE_STATES = ['checking', 'awaiting-removal', 'sending', 'waiting', 'storing', 'verifying'] as const;
const END_STATES = ['accepted', 'removed', 'rejected', 'failed', 'cancelled', 'timed-out'] as const;
export const FLOW_STATES = [...ACTIVE_STATES, ...END_STATES] as const;
export const flowStateSchema = z.enum(FLOW_STATES);
export type FlowState = z.infer<typeof flowStateSchema>;
export const FINAL_STATES: readonly FlowState[] = END_STATES;

export const flowEventSchema = z.object({
  flowId: z.string(),
  kind: z.enum(FLOW_KINDS),
  state: flowStateSchema,
  appId: z.string(),
  displayName: z.string(),
  server: serverRefSchema,
  elapsedMs: z.number(),
  /** While waiting: when the next poll happens. */
  nextPollInMs: z.number().optional(),
  /** Number of polls so far. */
  polls: z.number().optional(),
  /** A passing problem the flow survives (it retries). */
  transient: serializedErrorSchema.optional(),
  /** Why the flow ended, for failed / timed-out / cancelled / rejected. */
  error: serializedErrorSchema.optional(),
  /** When accepted or removed: the stored registration (no key). */
  record: registrationRecordSchema.optional(),
  /** While awaiting removal: true once the old key no longer works. */
  oldKeyDead: z.boolean().optional(),
});
export type FlowEvent = z.infer<typeof flowEventSchema>;
