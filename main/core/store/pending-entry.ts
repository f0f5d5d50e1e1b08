// A pending registration as the keychain holds it (JSON in the entry's secret): read back in the
// current shape, its challenge code registered as a secret, its names made inert.
import { inert } from '../../../shared/printable';
import {
  type PendingRegistration,
  pendingRegistrationObject,
  pendingRegistrationSchema,
} from '../../../shared/registration';
import * as z from '../../../shared/zod';
import { registerSecret } from '../log/logger';

/** Entries written by the first version (always with a request id) read as the current shape. */
const storedPendingSchema = z.lazy(() =>
  z.union([
    pendingRegistrationSchema,
    z.pipe(
      z.extend(z.omit(pendingRegistrationObject(), { providerName: true, sentAt: true }), {
        v: z.literal(1),
        requestId: z.string(),
      }),
      z.transform((p): PendingRegistration => ({ ...p, v: 2, providerName: p.appId, sentAt: p.startedAt })),
    ),
  ]),
);

/** The entry's pending registration, or undefined when it is not one (unreadable, another shape). */
export function readPendingEntry(secret: string): PendingRegistration | undefined {
  let json: unknown;
  try {
    json = JSON.parse(secret);
  } catch {
    return undefined;
  }
  const parsed = storedPendingSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const p = parsed.data;
  registerSecret(p.challengeCode);
  return { ...p, displayName: inert(p.displayName), providerName: inert(p.providerName) };
}
