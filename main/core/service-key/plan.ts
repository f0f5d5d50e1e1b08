// Where and how a service app's copy of a key is kept on Windows: one file per registration in
// %ProgramData%\Wawi Registration Helper\keys\, the key protected with DPAPI in machine scope (the
// service's account name as entropy), readable by that account, SYSTEM and Administrators only. Machine
// DPAPI alone protects nothing (any local process can unprotect it): the file's ACL is the protection.
// This file holds the decisions (names, SIDs, ACL, file format); ./windows-store.ts carries them out.
import { createHash } from 'node:crypto';
import { win32 } from 'node:path';
import { parseServiceAccount, type ServiceAccount } from '../../../shared/service-account';
import * as z from '../../../shared/zod';

export const SYSTEM_SID = 'S-1-5-18';
export const ADMINISTRATORS_SID = 'S-1-5-32-544';

/** The folder of the copies: %ProgramData%\Wawi Registration Helper\keys. */
export function serviceKeyDir(env: NodeJS.ProcessEnv): string {
  const programData = env.ProgramData ?? env.PROGRAMDATA ?? env.ALLUSERSPROFILE ?? 'C:\\ProgramData';
  return win32.join(programData, 'Wawi Registration Helper', 'keys');
}

/**
 * A registration's file name: its keychain account with every character other than letters, digits
 * and `. _ - @ #` written as %XX (UTF-8), then `.key`. Readers build it the same way from the account.
 */
export function serviceKeyFileName(account: string): string {
  const encoded = Array.from(new TextEncoder().encode(account), (b) => {
    const c = String.fromCharCode(b);
    return /[A-Za-z0-9._@#-]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
  return `${encoded}.key`;
}

/**
 * The SID of a virtual service account (NT SERVICE\<name>): S-1-5-80 and the SHA-1 of the upper-cased
 * service name in UTF-16LE, as five little-endian 32-bit numbers.
 */
export function virtualAccountSid(service: string): string {
  // Upper-cased one character at a time, as Windows does (no 'ß' → 'SS').
  const upper = Array.from(service, (c) => (c.toUpperCase().length === c.length ? c.toUpperCase() : c)).join(
    '',
  );
  const hash = createHash('sha1').update(Buffer.from(upper, 'utf16le')).digest();
  const parts = [0, 4, 8, 12, 16].map((i) => hash.readUInt32LE(i));
  return `S-1-5-80-${parts.join('-')}`;
}

/** Who gets access: a SID, or (a named account) a name Windows looks up when the file is written. */
export interface Principal {
  name: string;
  sid?: string;
}

export function principalOf(account: ServiceAccount): Principal {
  if (account.sid) return { name: account.name, sid: account.sid };
  if (account.kind === 'virtual') return { name: account.name, sid: virtualAccountSid(account.service!) };
  return { name: account.name };
}

/** One access rule: `folder` rules apply to the folder only, `file` rules to one key file. */
export interface AccessRule {
  /** A principal, or the Windows user the helper runs as ("writer"). */
  who: Principal | 'writer';
  rights: 'full' | 'read' | 'list';
}

/**
 * The folder: no inherited rules (ProgramData gives every user read access); SYSTEM and Administrators
 * full control; the user who runs the helper full control over the folder itself only, which lets them
 * add, replace and delete key files but not read another's. Each service account may list it (its
 * reader finds its file by AppId alone), which shows it file names, never a key.
 */
export const FOLDER_RULES: readonly AccessRule[] = [
  { who: { name: 'NT AUTHORITY\\SYSTEM', sid: SYSTEM_SID }, rights: 'full' },
  { who: { name: 'BUILTIN\\Administrators', sid: ADMINISTRATORS_SID }, rights: 'full' },
  { who: 'writer', rights: 'full' },
];

/**
 * A key file: no inherited rules; SYSTEM and Administrators full control; the service's account read;
 * the writing user read, to check the copy (`verify`). That user holds the same key in their own
 * Credential Manager, so this shows them nothing they could not read already.
 */
export function fileRules(service: Principal): AccessRule[] {
  return [
    { who: { name: 'NT AUTHORITY\\SYSTEM', sid: SYSTEM_SID }, rights: 'full' },
    { who: { name: 'BUILTIN\\Administrators', sid: ADMINISTRATORS_SID }, rights: 'full' },
    { who: service, rights: 'read' },
    { who: 'writer', rights: 'read' },
  ];
}

/** DPAPI's additional entropy: the service account's name as the file names it, in UTF-8. */
export function entropyFor(serviceAccount: string): Uint8Array {
  return new TextEncoder().encode(serviceAccount);
}

/** A key file's content (JSON, UTF-8): everything a service needs to call the server, key protected. */
export const serviceKeyFileSchema = z.lazy(() =>
  z.object({
    v: z.literal(1),
    account: z.string(),
    appId: z.string(),
    baseUrl: z.string(),
    database: z.string(),
    certificatePin: z.optional(z.string()),
    insecureHttp: z.optional(z.literal(true)),
    /** The account as Windows names it; its UTF-8 bytes are DPAPI's entropy. */
    serviceAccount: z.string(),
    serviceAccountSid: z.optional(z.string()),
    /** First 8 hex digits of the key's SHA-256 (as the helper and the readers show it). */
    keyFingerprint: z.string().check(z.regex(/^[0-9a-f]{8}$/)),
    writtenAt: z.string(),
    /** The key's UTF-8 bytes, protected with DPAPI (LocalMachine, entropy above), in base64. */
    protectedKey: z.string(),
  }),
);
export type ServiceKeyFile = z.infer<typeof serviceKeyFileSchema>;
export type ServiceKeyHeader = Omit<ServiceKeyFile, 'protectedKey'>;

/** Everything a store needs to write one copy. */
export interface ServiceKeyPlan {
  account: string;
  fileName: string;
  service: Principal;
  folderRules: readonly AccessRule[];
  fileRules: AccessRule[];
  header: ServiceKeyHeader;
}

export function planServiceKey(
  serviceAccount: string,
  registration: {
    account: string;
    appId: string;
    baseUrl: string;
    database: string;
    certificatePin?: string;
    insecureHttp?: true;
  },
  keyFingerprint: string,
  writtenAt: string,
): ServiceKeyPlan {
  const parsed = parseServiceAccount(serviceAccount);
  if ('error' in parsed) throw new Error(`ServiceAccount ${parsed.error}`);
  const service = principalOf(parsed);
  return {
    account: registration.account,
    fileName: serviceKeyFileName(registration.account),
    service,
    folderRules: [...FOLDER_RULES, { who: service, rights: 'list' }],
    fileRules: fileRules(service),
    header: {
      v: 1,
      account: registration.account,
      appId: registration.appId,
      baseUrl: registration.baseUrl,
      database: registration.database,
      ...(registration.certificatePin ? { certificatePin: registration.certificatePin } : {}),
      ...(registration.insecureHttp ? { insecureHttp: true as const } : {}),
      serviceAccount: parsed.name,
      ...(service.sid ? { serviceAccountSid: service.sid } : {}),
      keyFingerprint,
      writtenAt,
    },
  };
}
