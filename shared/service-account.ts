// The Windows account a vendor's app runs as when it is a service (manifest field `ServiceAccount`), and
// what became of the key's copy for it (a record's `serviceKey`). Such a process cannot read the
// merchant's Credential Manager, so the helper keeps a second copy only that account can read
// (main/core/service-key/). Which account is the vendor's choice; the helper only reads it.
import * as z from './zod';

export type ServiceAccountKind = 'local-system' | 'network-service' | 'local-service' | 'virtual' | 'named';

export interface ServiceAccount {
  kind: ServiceAccountKind;
  /** As Windows names it: NT AUTHORITY\SYSTEM, NT SERVICE\MySync, CONTOSO\svc-sync, .\sync. */
  name: string;
  /** The well-known SID of the three built-in service accounts (others are looked up or computed). */
  sid?: string;
  /** A virtual account: the service's name (its SID is derived from it). */
  service?: string;
}

/** The built-in accounts, by every spelling Windows' own tools accept (compared case-insensitively). */
const BUILT_IN: { kind: ServiceAccountKind; name: string; sid: string; spellings: string[] }[] = [
  {
    kind: 'local-system',
    name: 'NT AUTHORITY\\SYSTEM',
    sid: 'S-1-5-18',
    spellings: ['LocalSystem', 'SYSTEM', 'NT AUTHORITY\\SYSTEM', '.\\LocalSystem'],
  },
  {
    kind: 'network-service',
    name: 'NT AUTHORITY\\NETWORK SERVICE',
    sid: 'S-1-5-20',
    spellings: ['NetworkService', 'NT AUTHORITY\\NetworkService', 'NT AUTHORITY\\NETWORK SERVICE'],
  },
  {
    kind: 'local-service',
    name: 'NT AUTHORITY\\LOCAL SERVICE',
    sid: 'S-1-5-19',
    spellings: ['LocalService', 'NT AUTHORITY\\LocalService', 'NT AUTHORITY\\LOCAL SERVICE'],
  },
];

/** Groups and logon identities: a key readable by one of these would be readable by many. */
const GROUPS =
  /^(everyone|jeder|users|benutzer|authenticated users|authentifizierte benutzer|interactive|guests|gäste|administrators|administratoren|creator owner|network|batch|service|dienst|domain (users|computers|admins|guests)|domänen-(benutzer|computer|admins|gäste))$/i;

// Characters Windows does not allow in account names (and control or bidi characters, which hide text).
const BAD_NAME =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /["/\\[\]:;|=,+*?<>@\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// A service name may hold anything but slashes (and nothing hidden).
const BAD_SERVICE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[/\\\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const EXAMPLES = 'LocalSystem, NetworkService, LocalService, NT SERVICE\\<service name> or DOMAIN\\<account>';

/** The account a manifest names, or why it is not one (in the words check-manifest prints). */
export function parseServiceAccount(text: string): ServiceAccount | { error: string } {
  const written = text.trim();
  const builtIn = BUILT_IN.find((b) => b.spellings.some((s) => s.toLowerCase() === written.toLowerCase()));
  if (builtIn) return { kind: builtIn.kind, name: builtIn.name, sid: builtIn.sid };
  const slash = written.indexOf('\\');
  if (slash < 0) {
    return {
      error: `must say which account, for example ${EXAMPLES} (an account of this computer: .\\<account>)`,
    };
  }
  const domain = written.slice(0, slash);
  const user = written.slice(slash + 1);
  if (/^nt service$/i.test(domain)) {
    if (user === '' || user.length > 256 || BAD_SERVICE.test(user) || user.trim() !== user) {
      return { error: 'must name the service after NT SERVICE\\ (the name sc.exe shows, without slashes)' };
    }
    return { kind: 'virtual', name: `NT SERVICE\\${user}`, service: user };
  }
  if (/^(nt authority|builtin|vordefiniert)$/i.test(domain) || GROUPS.test(user)) {
    return {
      error: `must be the one account the service runs as (${EXAMPLES}), not a group or another built-in identity`,
    };
  }
  // NetBIOS domain or computer names, "." for this computer, or a DNS domain; SAM account names (a
  // group managed service account ends with $).
  if (!/^(\.|[A-Za-z0-9][A-Za-z0-9.-]{0,254})$/.test(domain) || /^\.[^.]/.test(domain)) {
    return { error: `must be ${EXAMPLES}: '${domain}' is not a domain or computer name` };
  }
  if (user === '' || user.length > 64 || BAD_NAME.test(user) || user.trim() !== user || /^\.+$/.test(user)) {
    return { error: `must be ${EXAMPLES}: '${user}' is not an account name` };
  }
  return { kind: 'named', name: `${domain}\\${user}` };
}

/** The manifest field: one of the accounts above. */
export const serviceAccountField = z.string().check(
  z.superRefine((v, ctx) => {
    const parsed = parseServiceAccount(v);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  }),
);

/**
 * What became of the service's copy of a key:
 * - `stored`: written, and readable by the service's account only (read back after writing);
 * - `not-windows`: only Windows has service accounts; the key is in this computer's keychain only;
 * - `account-unknown`: Windows does not know the account (a named one, on this computer or its domain);
 * - `denied`: Windows refused the helper the key folder (another user of this computer set it up);
 * - `missing`: a check found no copy (deleted since), `differs`: it holds another key;
 * - `failed`: writing or reading it failed otherwise (the log says why).
 */
export const SERVICE_KEY_STATES = [
  'stored',
  'not-windows',
  'account-unknown',
  'denied',
  'missing',
  'differs',
  'failed',
] as const;
export type ServiceKeyState = (typeof SERVICE_KEY_STATES)[number];

export const serviceKeySchema = z.object({
  /** The account as Windows names it (see ServiceAccount.name). */
  account: z.string(),
  state: z.enum(SERVICE_KEY_STATES),
  /** Windows: the copy's file, or the folder it could not be written to (under %ProgramData%). */
  path: z.optional(z.string()),
});
export type ServiceKey = z.infer<typeof serviceKeySchema>;
