// What JTL-Wawi's answers look like to the helper (see docs/wawi-protocol.md): either casing, strings
// made inert where they enter, a key's format. ./client.ts asks; this says what an answer may be.
import { inert } from '../../../shared/printable';
import * as z from '../../../shared/zod';

/** Recursively turns PascalCase keys into camelCase so both casings parse the same. */
export function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const key = k.charAt(0).toLowerCase() + k.slice(1);
        // Field names inside ValidationErrors are data, not schema keys: keep them as sent.
        return [key, key === 'validationErrors' ? v : camelKeys(v)];
      }),
    );
  }
  return value;
}

// Strings from the server are made inert where they enter (shared/printable.ts): whatever shows them
// later (a terminal, --json, a screen) never gets control or bidi characters or a line of its own.
const text = () =>
  z.pipe(
    z.string(),
    z.transform((s) => inert(s)),
  );
export const infoSchema = z.lazy(() =>
  z.object({
    version: text(),
    tenant: z.optional(text()),
    type: z.optional(text()),
  }),
);
export const createdSchema = z.lazy(() =>
  z.object({ registrationRequestId: z.string().check(z.minLength(1)), status: z.optional(z.number()) }),
);
export const statusSchema = z.lazy(() =>
  z.object({
    requestStatusInfo: z.object({ status: z.union([z.literal(0), z.literal(1), z.literal(2)]) }),
    token: z.nullish(z.object({ apiKey: z.string().check(z.minLength(1)) })),
    grantedScopes: z.nullish(z.array(text())),
  }),
);

/**
 * What a key from Wawi looks like: printable ASCII without spaces, of a sane length (Wawi issues GUIDs,
 * 36 characters). Anything else is not stored, printed or sent anywhere.
 */
export const KEY_FORMAT = /^[\x21-\x7e]{16,512}$/;
export const errorBodySchema = z.lazy(() =>
  z.looseObject({
    errorCode: z.nullish(z.string()),
    errorMessage: z.nullish(z.string()),
    validationErrors: z.nullish(z.record(z.string(), z.union([z.array(z.string()), z.string()]))),
  }),
);
