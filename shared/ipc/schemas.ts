// Every IPC channel between the renderer and the main process: request and response schemas in one
// place, with the types derived from them. The renderer never sees an API key or a challenge code.

import { type SerializedError, serializedErrorSchema } from '../errors/schema';
import { LANGS } from '../lang';
import { LAUNCH_ACTIONS } from '../launch';
import { manifestSchema } from '../manifest';
import {
  discoveredServerSchema,
  pendingViewSchema,
  registrationRecordSchema,
  serverRefSchema,
  verifyResultSchema,
} from '../registration';
import * as z from '../zod';
import type { Channel } from './channels';

export const langSchema = z.enum(LANGS);
export const launchActionSchema = z.enum(LAUNCH_ACTIONS);

const account = z.string().check(z.minLength(3), z.maxLength(400));
const flowId = z.uuid();
const fingerprint = z.string().check(z.regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/));
const empty = z.strictObject({});

export const CHANNELS = {
  /** What the app was launched with: manifest (checked), address, action, language. */
  'app:launch': {
    request: empty,
    response: z.object({
      action: launchActionSchema,
      manifest: z.nullable(manifestSchema),
      manifestWarnings: z.array(z.object({ field: z.string(), message: z.string() })),
      manifestError: z.nullable(serializedErrorSchema),
      wawi: z.nullable(z.string()),
      lang: langSchema,
      platform: z.string(),
      keychainService: z.string(),
      /** A vendor-branded build's product name; null: the helper's own name, in the merchant's language. */
      productName: z.nullable(z.string()),
      /** The words of every known permission (the screens keep no catalogue of their own). */
      scopeWords: z.record(
        z.string(),
        z.object({
          area: z.string(),
          label: z.object({ de: z.string(), en: z.string() }),
          risk: z.optional(z.enum(['delete', 'write', 'all'])),
        }),
      ),
    }),
  },
  'servers:discover': {
    request: empty,
    response: z.object({
      servers: z.array(discoveredServerSchema),
      other: z.array(z.object({ address: z.string(), reason: z.string() })),
    }),
  },
  /** Checks a typed address (reads /info) before going on. */
  'servers:check': {
    request: z.strictObject({ address: z.string().check(z.minLength(1), z.maxLength(300)) }),
    response: z.object({ server: discoveredServerSchema }),
  },
  /**
   * Registers at an address main probed in this session. `certificatePin`: the merchant compared and
   * trusts the certificate main saw there; `insecureHttp`: the merchant agreed to plain http.
   */
  'registration:start': {
    request: z.strictObject({
      baseUrl: z.string().check(z.minLength(1), z.maxLength(300)),
      timeoutMs: z.optional(z.int().check(z.minimum(1000), z.maximum(86_400_000))),
      certificatePin: z.optional(fingerprint),
      insecureHttp: z.optional(z.literal(true)),
      /** Registered in Wawi without a key here: the merchant removes it there, then it is sent. */
      replaceRegistered: z.optional(z.literal(true)),
    }),
    response: z.object({ flowId }),
  },
  /** Trusts a registration's server again: a renewed certificate, or plain http (explicit act). */
  'registration:trust': {
    request: z.strictObject({
      account,
      certificatePin: z.optional(fingerprint),
      insecureHttp: z.optional(z.literal(true)),
    }),
    response: z.object({ server: serverRefSchema }),
  },
  'flow:cancel': { request: z.strictObject({ flowId }), response: empty },
  /** While the key waits to be stored (keychain locked): try storing it again now. */
  'flow:now': { request: z.strictObject({ flowId }), response: empty },
  'flow:keep-waiting': { request: z.strictObject({ flowId }), response: empty },
  /** Registrations sent but not yet decided, left by a helper that was closed or crashed. */
  'registrations:pending': {
    request: empty,
    response: z.object({ pending: z.array(pendingViewSchema) }),
  },
  /** Goes on polling a pending registration (same request, same challenge code). */
  'registration:resume': { request: z.strictObject({ account }), response: z.object({ flowId }) },
  /**
   * Drops a pending registration on this computer. A key Wawi hands out for it afterwards can't be
   * collected, so the app asks first.
   */
  'registration:discard': { request: z.strictObject({ account }), response: empty },
  'registrations:list': {
    request: z.strictObject({ verify: z.optional(z.boolean()) }),
    response: z.object({ registrations: z.array(registrationRecordSchema) }),
  },
  'registration:verify': {
    request: z.strictObject({ account }),
    response: z.object({ record: registrationRecordSchema, result: verifyResultSchema }),
  },
  /**
   * Registers a further instance of the launching MultiInstance app, with the stored request id of its
   * first registration (`account`) on that server. Progress arrives as flow events.
   */
  'registration:add-instance': { request: z.strictObject({ account }), response: z.object({ flowId }) },
  'rotate:start': { request: z.strictObject({ account }), response: z.object({ flowId }) },
  /**
   * The merchant says the app was removed in Wawi: rotate goes on without waiting for the 401, revoke
   * checks at once (over plain http the key is only sent then).
   */
  'rotate:confirm-removed': { request: z.strictObject({ flowId }), response: empty },
  'revoke:start': { request: z.strictObject({ account }), response: z.object({ flowId }) },
  'registration:forget': { request: z.strictObject({ account }), response: empty },
  /**
   * Copies the key of the launching app's registration in the main process, marked to stay out of
   * clipboard history; it is cleared after `clearAfterMs` and on quit.
   */
  'key:copy': { request: z.strictObject({ account }), response: z.object({ clearAfterMs: z.number() }) },
  /** Clears the clipboard now, if it still holds the copied key. */
  'key:clear': { request: empty, response: empty },
  'lang:get': { request: empty, response: z.object({ lang: langSchema }) },
  'lang:set': { request: z.strictObject({ lang: langSchema }), response: z.object({ lang: langSchema }) },
  /** Opens the provider's website in the system browser (only the manifest's http(s) address). */
  'app:open-website': { request: empty, response: empty },
  /** Puts a failure's details on the clipboard for support (plain text; the renderer holds no secrets). */
  'app:copy-details': {
    request: z.strictObject({ text: z.string().check(z.minLength(1), z.maxLength(4000)) }),
    response: empty,
  },
  /** Opens the folder of the helper's log file in the file manager. */
  'app:open-log-folder': { request: empty, response: empty },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type Request<C extends Channel> = z.infer<(typeof CHANNELS)[C]['request']>;
export type Response<C extends Channel> = z.infer<(typeof CHANNELS)[C]['response']>;

export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: SerializedError };
