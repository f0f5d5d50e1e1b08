// The result a vendor's onboarding reads after the helper ends (`--result-file`, the CLI's --json
// result document): the outcome, its exit code, and what was registered. Never the key or the challenge
// code. One schema for the desktop app and the CLI; docs/vendor-guide.md describes its fields.
import { type ErrorCode, EXIT_CODES } from './errors/meta';
import { errorCodeSchema } from './errors/schema';
import { errorText, type Surface, type TextableError } from './errors/text';
import type { Lang } from './lang';
import type { RegistrationRecord } from './registration';
import { serviceKeySchema } from './service-account';
import * as z from './zod';

export const RESULT_VERSION = 1;

export const launchResultSchema = z.lazy(() =>
  z.object({
    v: z.literal(RESULT_VERSION),
    /** `ok`, or the error code (the README's table): the same as `exitCode` says, in words. */
    outcome: z.union([z.literal('ok'), errorCodeSchema]),
    exitCode: z.int(),
    /** What ended: register, rotate, revoke, manage, verify, resume … */
    action: z.string(),
    finishedAt: z.string(),
    /** The app the outcome is about, when one was known. */
    appId: z.optional(z.string()),
    /** The server's API base URL, when one was chosen (…/api/<database>). */
    baseUrl: z.optional(z.string()),
    /** On success: the registration as stored here (for revoke: the one that was removed). */
    registration: z.optional(
      z.object({
        /** The keychain account: `<AppId>@<host>:<port>/<database>` under "JTL-Wawi API key". */
        account: z.string(),
        appId: z.string(),
        instance: z.optional(z.int()),
        displayName: z.string(),
        appVersion: z.string(),
        baseUrl: z.string(),
        /** The Mandant as the API path names it (its database, e.g. eazybusiness). */
        database: z.string(),
        wawiVersion: z.optional(z.string()),
        /** SHA-256 fingerprint of the pinned certificate; absent when the OS trusts it or on http. */
        certificatePin: z.optional(z.string()),
        grantedScopes: z.array(z.string()),
        /** First 8 hex digits of the key's SHA-256: compare with what your app reads. */
        keyFingerprint: z.string(),
        /** A service app (manifest ServiceAccount): its account, the copy's state and file. */
        serviceKey: z.optional(serviceKeySchema),
      }),
    ),
    /** On failure: the error code, its parameters and its text in the launch language. */
    error: z.optional(
      z.object({
        code: errorCodeSchema,
        variant: z.optional(z.string()),
        title: z.string(),
        detail: z.string(),
        next: z.string(),
      }),
    ),
  }),
);
export type LaunchResult = z.infer<typeof launchResultSchema>;

export interface ResultInput {
  outcome: ErrorCode | 'ok';
  action: string;
  at: Date;
  appId?: string;
  baseUrl?: string;
  record?: RegistrationRecord;
  error?: TextableError;
  lang: Lang;
  surface: Surface;
}

/** The result document of an ended launch or command. */
export function launchResult(input: ResultInput): LaunchResult {
  const r = input.record;
  const error = input.outcome === 'ok' ? undefined : (input.error ?? { code: input.outcome });
  const text = error ? errorText(error, input.lang, input.surface) : undefined;
  return {
    v: RESULT_VERSION,
    outcome: input.outcome,
    exitCode: EXIT_CODES[input.outcome],
    action: input.action,
    finishedAt: input.at.toISOString(),
    ...((r?.appId ?? input.appId) ? { appId: r?.appId ?? input.appId } : {}),
    ...((r?.server.baseUrl ?? input.baseUrl) ? { baseUrl: r?.server.baseUrl ?? input.baseUrl } : {}),
    ...(r
      ? {
          registration: {
            account: r.account,
            appId: r.appId,
            ...(r.instance ? { instance: r.instance } : {}),
            displayName: r.displayName,
            appVersion: r.appVersion,
            baseUrl: r.server.baseUrl,
            database: r.server.database,
            ...(r.server.wawiVersion ? { wawiVersion: r.server.wawiVersion } : {}),
            ...(r.server.certificatePin ? { certificatePin: r.server.certificatePin } : {}),
            grantedScopes: r.grantedScopes,
            keyFingerprint: r.fingerprint,
            ...(r.serviceKey ? { serviceKey: r.serviceKey } : {}),
          },
        }
      : {}),
    ...(error && text
      ? {
          error: {
            code: error.code,
            ...(error.params?.variant ? { variant: error.params.variant } : {}),
            title: text.title,
            detail: text.detail,
            next: text.next,
          },
        }
      : {}),
  };
}
