// Non-secret metadata about the registrations on this computer, in a JSON file under the app-data
// folder: written atomically (temp file + rename), validated on read; a damaged file is set aside
// and rebuilt from the keychain entries.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { manifestSchema } from '../../../shared/manifest';
import { inert } from '../../../shared/printable';
import {
  type ConnectionEntry,
  type RegistrationRecord,
  registrationRecordSchema,
  type ServerRef,
} from '../../../shared/registration';
import * as z from '../../../shared/zod';
import { HelperError } from '../errors';
import type { Logger } from '../log/logger';
import { parseAccountName, parseWawiAddress, serverFromAccount } from '../wawi/address';
import type { KeyVault } from './vault';

const fileSchema = z.object({
  version: z.literal(1),
  registrations: z.array(registrationRecordSchema),
  /** The manifest each app was registered with, so that a rotation can register it again. */
  manifests: z._default(z.record(z.string(), manifestSchema), {}),
});
type MetadataFile = z.infer<typeof fileSchema>;

const empty = (): MetadataFile => ({ version: 1, registrations: [], manifests: {} });

/**
 * A record's server as the keychain says: scheme, pin and consent come from its connection entry.
 * Without one the metadata decides nothing about where a key may go: its pin and http consent are
 * dropped, its address counts only if it is the account's (host, port, database), and the connection
 * is unknown until confirmed (flows/reach.ts) before any key or challenge code is sent.
 */
function connectionOf(account: string, server: ServerRef, conn: ConnectionEntry | undefined): ServerRef {
  const { certificatePin: _p, insecureHttp: _i, connectionUnknown: _u, ...rest } = server;
  if (conn) {
    return {
      ...rest,
      baseUrl: parseWawiAddress(conn.baseUrl).baseUrl,
      ...(conn.certificatePin ? { certificatePin: conn.certificatePin } : {}),
      ...(conn.insecureHttp ? { insecureHttp: true as const } : {}),
    };
  }
  const parts = parseAccountName(account);
  if (!parts || sameServer(rest.baseUrl, parts)) return { ...rest, connectionUnknown: true };
  const { baseUrl, host, port, database } = serverFromAccount(parts, 'https');
  return { ...rest, baseUrl, host, port, database, connectionUnknown: true };
}

/** The address names the account's server: the same host (by the host rule), port and database. */
function sameServer(baseUrl: string, parts: { host: string; port: number; database: string }): boolean {
  try {
    const s = parseWawiAddress(baseUrl);
    return s.host === parts.host && s.port === parts.port && s.database.toLowerCase() === parts.database;
  } catch {
    return false;
  }
}

export class MetadataStore {
  constructor(
    readonly file: string,
    private readonly vault: KeyVault,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The copy of the last good file, written beside it before each write. */
  private get previous(): string {
    return `${this.file}.previous`;
  }

  /** The file's data; a damaged file reads as the last good copy (or empty) and says it was damaged. */
  private readRaw(): { data: MetadataFile; damaged: boolean } {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { data: empty(), damaged: false };
      throw new HelperError('storage-failed', {
        params: { path: this.file, reason: (err as NodeJS.ErrnoException).code ?? 'read error' },
        cause: err,
      });
    }
    try {
      return { data: fileSchema.parse(JSON.parse(text)), damaged: false };
    } catch {
      let data = empty();
      try {
        data = fileSchema.parse(JSON.parse(readFileSync(this.previous, 'utf8')));
      } catch {
        // no good copy either: rebuilt from the keychain alone
      }
      return { data, damaged: true };
    }
  }

  /** Renames a damaged file to *.damaged-<time>, so that nothing is overwritten unseen. */
  private setAside(): void {
    const aside = `${this.file}.damaged-${this.now().toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(this.file, aside);
    } catch {
      // if it cannot be moved, it is overwritten by the next write
    }
    this.logger.warn(
      'metadata file was damaged; set aside and rebuilt from its last good copy and the keychain',
      {
        aside,
      },
    );
  }

  /**
   * The metadata, consistent with the keychain: records whose key is gone are dropped, keys without
   * a record get a rebuilt one. A damaged file is renamed to *.damaged-<time> and rebuilt.
   */
  async load(): Promise<MetadataFile> {
    const { data, damaged } = this.readRaw();
    if (damaged) this.setAside();
    const entries = await this.vault.entries();
    const connections = entries.length ? await this.vault.connections() : new Map<string, ConnectionEntry>();
    const byAccount = new Map(data.registrations.map((r) => [r.account, r]));
    let changed = damaged;
    const registrations: RegistrationRecord[] = [];
    for (const e of entries) {
      const existing = byAccount.get(e.account);
      const conn = connections.get(e.account);
      if (existing) {
        const server = connectionOf(e.account, existing.server, conn);
        if (
          existing.fingerprint !== e.fingerprint ||
          JSON.stringify(server) !== JSON.stringify(existing.server)
        )
          changed = true;
        // The file may come from an older helper or an editor: its names are made inert as they are read.
        registrations.push({
          ...existing,
          displayName: inert(existing.displayName),
          appVersion: inert(existing.appVersion),
          grantedScopes: existing.grantedScopes.map((s) => inert(s)),
          server,
          fingerprint: e.fingerprint,
        });
        continue;
      }
      const parts = parseAccountName(e.account);
      if (!parts) continue;
      changed = true;
      // Without a connection entry the scheme is not guessed: https is shown, and nothing is sent
      // until a trusted connection is confirmed (see flows/reach.ts).
      const guess = serverFromAccount(parts, 'https');
      const base: ServerRef = {
        baseUrl: guess.baseUrl,
        host: guess.host,
        port: guess.port,
        database: guess.database,
      };
      registrations.push({
        account: e.account,
        appId: parts.appId,
        displayName: parts.appId,
        appVersion: data.manifests[e.account]?.Version ?? '1.0',
        server: connectionOf(e.account, base, conn),
        grantedScopes: [],
        registeredAt: null,
        lastVerifiedAt: null,
        lastVerifyResult: null,
        fingerprint: e.fingerprint,
        rebuilt: true,
        ...(parts.instance && parts.instance > 1 ? { instance: parts.instance } : {}),
      });
    }
    if (registrations.length !== data.registrations.length) changed = true;
    const result: MetadataFile = { version: 1, registrations, manifests: data.manifests };
    if (changed) {
      try {
        this.write(result);
      } catch (err) {
        this.logger.warn('metadata could not be saved', { error: err });
      }
    }
    return result;
  }

  /** Writes the file and its last good copy, each atomically (a temporary file renamed over it). */
  private write(data: MetadataFile): void {
    this.writeAtomically(this.previous, data);
    this.writeAtomically(this.file, data);
  }

  private writeAtomically(file: string, data: MetadataFile): void {
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(dirname(file), { recursive: true });
      const fd = openSync(tmp, 'w', 0o600);
      try {
        writeSync(fd, `${JSON.stringify(data, null, 2)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, file);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw new HelperError('storage-failed', {
        params: { path: file, reason: (err as NodeJS.ErrnoException).code ?? 'write error' },
        cause: err,
      });
    }
  }

  /** Every write path: a damaged file is set aside first and the last good copy carried on. */
  private update(fn: (d: MetadataFile) => void): void {
    const { data, damaged } = this.readRaw();
    if (damaged) this.setAside();
    fn(data);
    this.write(data);
  }

  upsert(record: RegistrationRecord): void {
    this.update((d) => {
      d.registrations = [...d.registrations.filter((r) => r.account !== record.account), record];
    });
  }

  patch(account: string, changes: Partial<RegistrationRecord>): void {
    this.patchAll(new Map([[account, changes]]));
  }

  /** Changes to many records in one write (the results of checking every registration). */
  patchAll(changes: ReadonlyMap<string, Partial<RegistrationRecord>>): void {
    if (changes.size === 0) return;
    this.update((d) => {
      d.registrations = d.registrations.map((r) => {
        const c = changes.get(r.account);
        return c ? { ...r, ...c } : r;
      });
    });
  }

  remove(account: string): void {
    this.update((d) => {
      d.registrations = d.registrations.filter((r) => r.account !== account);
      delete d.manifests[account];
    });
  }

  saveManifest(account: string, manifest: z.infer<typeof manifestSchema>): void {
    this.update((d) => {
      d.manifests[account] = manifest;
    });
  }

  manifest(account: string): z.infer<typeof manifestSchema> | undefined {
    return this.readRaw().data.manifests[account];
  }
}
