// The vendor's app manifest: the registration request's fields in the API's PascalCase, plus
// `AppIconFile` (a PNG path relative to the manifest) as an alternative to base64 `AppIcon`.

import { adviceOn } from './manifest-advice';
import { serviceAccountField } from './service-account';
import { isLoopbackHost } from './wawi-address';
import * as z from './zod';

export const MAX_ICON_BYTES = 256 * 1024;
export const MIN_ICON_PX = 16;
export const MAX_ICON_PX = 1024;

/**
 * Control characters and bidi marks, overrides and isolates: in a name the merchant reads they hide or
 * reverse text ("Shop\u202egnp.exe"). Line breaks and tabs are allowed in a description only.
 */
const HIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const HIDDEN_OR_BREAK =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const HIDDEN_MESSAGE = 'must not contain control characters or bidi marks (they hide or reverse text)';

const localized = () =>
  z.array(
    z.object({
      LanguageIso: z
        .string()
        .check(z.regex(/^[A-Za-z]{2}$/, 'must be a two-letter language code such as DE or EN')),
      Name: z.string().check(
        z.minLength(1, 'must not be empty'),
        z.refine((s) => !HIDDEN_OR_BREAK.test(s), HIDDEN_MESSAGE),
      ),
    }),
  );

/** A name or a description: required, at most `max` characters, nothing hidden (names on one line). */
const text = (max: number, lines = false) =>
  z.string().check(
    z.trim(),
    z.minLength(1, 'is required and must not be empty'),
    z.maxLength(max, `may have at most ${max} characters`),
    z.refine((s) => !(lines ? HIDDEN : HIDDEN_OR_BREAK).test(s), HIDDEN_MESSAGE),
  );
/** How long a signature is valid: JTL-Wawi accepts a SignatureData within 10 minutes of its clock. */
export const SIGNATURE_VALID_MS = 10 * 60 * 1000;

/** A web address the check accepts (parsed as a URL). */
const webAddress = (ok: (u: URL) => boolean, message: string) =>
  z.string().check(
    z.trim(),
    z.refine((v) => {
      try {
        return ok(new URL(v));
      } catch {
        return false;
      }
    }, message),
  );

const scopes = () =>
  z.array(
    z
      .string()
      .check(z.regex(/^[a-z0-9]+\.[a-z0-9]+$/i, 'must be a scope name such as company.querycompanies')),
  );

/** The manifest as the vendor writes it, built on first use (the schemas below are composed from it). */
const manifestFileObject = z.once(() =>
  z.strictObject({
    AppId: z
      .string()
      .check(
        z.trim(),
        z.minLength(1, 'is required'),
        z.maxLength(100, 'may have at most 100 characters'),
        z.regex(/^[A-Za-z0-9._\-/]+$/, 'may contain only letters, digits and . _ - / (for example myApp/v1)'),
      ),
    DisplayName: text(100),
    Description: text(2000, true),
    Version: text(50),
    ProviderName: text(100),
    ProviderWebsite: webAddress(
      (u) => (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '',
      'must be a web address starting with http:// or https://',
    ),
    MandatoryApiScopes: scopes().check(z.minLength(1, 'must name at least one scope')),
    OptionalApiScopes: z.optional(scopes()),
    LocalizedDisplayNames: z.optional(localized()),
    LocalizedDescriptions: z.optional(localized()),
    RegistrationType: z.optional(z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])),
    Signature: z.optional(z.string().check(z.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'))),
    SignatureData: z.optional(
      z.iso.datetime({ offset: true, message: 'must be a UTC date-time such as 2026-01-31T12:00:00Z' }),
    ),
    /**
     * The vendor's endpoint that signs a registration right before it is sent (certified apps): the
     * signing key stays on the vendor's server. https, or http only on this computer.
     */
    SignatureProvider: z.optional(
      webAddress(
        (u) => u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackHost(u.hostname)),
        'must be an https address (http only for this computer, e.g. http://127.0.0.1:8080/sign)',
      ),
    ),
    /**
     * The app runs as a Windows service under this account (LocalSystem, NetworkService, LocalService,
     * NT SERVICE\\<name> or DOMAIN\\<account>): the helper also keeps the key where only that account can
     * read it (docs/vendor-guide.md, "Apps that run as a Windows service"). Not sent to Wawi.
     */
    ServiceAccount: z.optional(serviceAccountField),
    AppIcon: z.optional(z.string()),
    AppIconFile: z.optional(z.string().check(z.minLength(1))),
  }),
);
/** The manifest as the vendor writes it. */
export const manifestFileSchema = z.lazy(manifestFileObject);
export type ManifestFile = z.infer<typeof manifestFileSchema>;

/** A checked manifest with the icon resolved to base64: exactly what is sent to Wawi. */
export const manifestSchema = z.lazy(() =>
  z.extend(z.omit(manifestFileObject(), { AppIconFile: true }), {
    AppIcon: z.string().check(z.minLength(1)),
  }),
);
export type AppManifest = z.infer<typeof manifestSchema>;

export interface ManifestProblem {
  field: string;
  message: string;
}

export interface ManifestCheck {
  manifest?: AppManifest;
  problems: ManifestProblem[];
  warnings: ManifestProblem[];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard base64; returns null when it is not base64. */
export function decodeBase64(s: string): Uint8Array | null {
  const clean = s.replace(/\s+/g, '');
  if (clean.length === 0 || clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) return null;
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((clean.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n =
      (B64.indexOf(clean[i]!) << 18) |
      (B64.indexOf(clean[i + 1]!) << 12) |
      ((B64.indexOf(clean[i + 2]!) & 63) << 6) |
      (B64.indexOf(clean[i + 3]!) & 63);
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Checks that the bytes are a PNG of sensible size; returns a problem in plain words or null. */
export function checkPngIcon(bytes: Uint8Array): string | null {
  if (bytes.length > MAX_ICON_BYTES) {
    return `is ${Math.round(bytes.length / 1024)} KB; an icon may have at most ${MAX_ICON_BYTES / 1024} KB`;
  }
  if (bytes.length < 33 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return 'is not a PNG image';
  const chunkType = String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!);
  if (chunkType !== 'IHDR') return 'is not a valid PNG image (no IHDR header)';
  const width = ((bytes[16]! << 24) | (bytes[17]! << 16) | (bytes[18]! << 8) | bytes[19]!) >>> 0;
  const height = ((bytes[20]! << 24) | (bytes[21]! << 16) | (bytes[22]! << 8) | bytes[23]!) >>> 0;
  if (width < MIN_ICON_PX || height < MIN_ICON_PX || width > MAX_ICON_PX || height > MAX_ICON_PX) {
    return `is ${width}×${height} pixels; use a PNG from ${MIN_ICON_PX}×${MIN_ICON_PX} to ${MAX_ICON_PX}×${MAX_ICON_PX} pixels`;
  }
  return null;
}

function fieldName(path: PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
      .join('.')
      .replace(/\.\[/g, '[') || '(manifest)'
  );
}

/**
 * Checks a manifest and reports every problem at once, by field, in plain words.
 * `iconBytes` is the content of `AppIconFile` when the manifest names one (read by the caller).
 */
/** How old a SignatureData is at `now`, in ms (negative: in the future); undefined when unreadable. */
export function signatureAge(signatureData: string, now: number): number | undefined {
  const t = Date.parse(signatureData);
  return Number.isNaN(t) ? undefined : now - t;
}

export function checkManifest(
  raw: unknown,
  iconBytes?: Uint8Array | { error: string },
  /** The time a static signature is judged at (ms since the epoch); default: not judged. */
  now?: number,
): ManifestCheck {
  const problems: ManifestProblem[] = [];
  const warnings: ManifestProblem[] = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { problems: [{ field: '(manifest)', message: 'must be a JSON object' }], warnings };
  }
  const parsed = manifestFileSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          problems.push({
            field: key,
            message: 'is not a manifest field (check the spelling and PascalCase)',
          });
        continue;
      }
      const field = fieldName(issue.path);
      const missing =
        issue.code === 'invalid_type' &&
        (raw as Record<string, unknown>)[String(issue.path[0])] === undefined;
      problems.push({ field, message: missing ? 'is required' : issue.message });
    }
  }
  const obj = raw as Record<string, unknown>;

  // The icon: exactly one of AppIcon (base64) and AppIconFile (a PNG file).
  let icon: string | undefined;
  const hasIcon = typeof obj.AppIcon === 'string' && obj.AppIcon !== '';
  const hasFile = typeof obj.AppIconFile === 'string' && obj.AppIconFile !== '';
  if (hasIcon && hasFile) {
    problems.push({
      field: 'AppIcon',
      message: 'give either AppIcon (base64) or AppIconFile (a PNG file), not both',
    });
  } else if (!hasIcon && !hasFile) {
    problems.push({
      field: 'AppIcon',
      message: 'is required: give AppIcon (base64 PNG) or AppIconFile (path to a PNG file)',
    });
  } else if (hasIcon) {
    const bytes = decodeBase64(obj.AppIcon as string);
    const why = bytes ? checkPngIcon(bytes) : 'is not valid base64';
    if (why) problems.push({ field: 'AppIcon', message: why });
    else icon = (obj.AppIcon as string).replace(/\s+/g, '');
  } else if (iconBytes === undefined) {
    problems.push({ field: 'AppIconFile', message: 'could not be read' });
  } else if ('error' in iconBytes) {
    problems.push({ field: 'AppIconFile', message: iconBytes.error });
  } else {
    const why = checkPngIcon(iconBytes);
    if (why) problems.push({ field: 'AppIconFile', message: why });
    else icon = encodeBase64(iconBytes);
  }

  if (parsed.success) {
    warnings.push(...adviceOn(parsed.data));
    const { Signature, SignatureData, SignatureProvider } = parsed.data;
    if (Signature && !SignatureData) {
      problems.push({ field: 'SignatureData', message: 'is required together with Signature' });
    }
    if (SignatureProvider && (Signature || SignatureData)) {
      problems.push({
        field: 'SignatureProvider',
        message: 'give either a SignatureProvider or a static Signature with SignatureData, not both',
      });
    }
    const age = SignatureData && now !== undefined ? signatureAge(SignatureData, now) : undefined;
    if (age !== undefined && Math.abs(age) > SIGNATURE_VALID_MS) {
      const minutes = Math.round(Math.abs(age) / 60_000);
      warnings.push({
        field: 'SignatureData',
        message: `is ${minutes} minutes ${age > 0 ? 'old' : 'in the future'}: JTL-Wawi accepts a signature only within 10 minutes, so this one will be refused. Use a SignatureProvider that signs each registration when it is sent.`,
      });
    }
  }

  if (problems.length > 0 || !parsed.success || icon === undefined) return { problems, warnings };
  const { AppIconFile: _file, ...rest } = parsed.data;
  return { manifest: { ...rest, AppIcon: icon }, problems, warnings };
}

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}
