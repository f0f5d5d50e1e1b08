// The service key store in memory, with the access rules of the Windows store applied: a copy can be
// read by a principal only when its file rules grant it, and the key only with the right entropy.
import { createHash } from 'node:crypto';
import {
  entropyFor,
  type Principal,
  type ServiceKeyHeader,
  type ServiceKeyPlan,
  serviceKeyFileName,
} from '../../main/core/service-key/plan';
import { ServiceKeyError, type ServiceKeyStore } from '../../main/core/service-key/store';

interface Copy {
  plan: ServiceKeyPlan;
  /** The "protected" key: XORed with a hash of the entropy, so only the right entropy gives it back. */
  sealed: Buffer;
}

function seal(key: Buffer, entropy: Uint8Array): Buffer {
  const pad = createHash('sha512').update(entropy).digest();
  return Buffer.from(key.map((b, i) => b ^ pad[i % pad.length]!));
}

export class MemoryServiceStore implements ServiceKeyStore {
  readonly supported = true;
  readonly dir = 'C:\\ProgramData\\Wawi Registration Helper\\keys';
  readonly files = new Map<string, Copy>();
  /** Failures the next writes meet, in order. */
  failures: ServiceKeyError['state'][] = [];
  writes = 0;
  /** Reads as the helper's user (a start of PowerShell each, on Windows). */
  reads = 0;
  /** Named accounts Windows knows (others are account-unknown). */
  knownNames = new Set(['CONTOSO\\svc-sync', '.\\sync']);

  async write(plan: ServiceKeyPlan, key: string): Promise<void> {
    this.writes += 1;
    const failure = this.failures.shift();
    if (failure) throw new ServiceKeyError(failure, `scripted ${failure}`);
    if (!plan.service.sid && !this.knownNames.has(plan.service.name))
      throw new ServiceKeyError('account-unknown', plan.service.name);
    const sealed = seal(Buffer.from(key, 'utf8'), entropyFor(plan.header.serviceAccount));
    this.files.set(plan.fileName, { plan, sealed });
  }

  exists(account: string): boolean {
    return this.files.has(serviceKeyFileName(account));
  }

  async read(account: string): Promise<{ header: ServiceKeyHeader; key: string } | null> {
    this.reads += 1;
    return this.readAs(account, 'writer');
  }

  /** Reads a copy as a principal (a SID, a name, or the writing user); denied unless a rule grants it. */
  async readAs(
    account: string,
    who: 'writer' | Principal,
    entropy?: Uint8Array,
  ): Promise<{ header: ServiceKeyHeader; key: string } | null> {
    const copy = this.files.get(serviceKeyFileName(account));
    if (!copy) return null;
    const granted = copy.plan.fileRules.some((r) =>
      r.who === 'writer' || who === 'writer'
        ? r.who === who
        : (r.who.sid !== undefined && r.who.sid === who.sid) || r.who.name === who.name,
    );
    if (!granted) throw new ServiceKeyError('denied', 'no access rule for this account');
    const key = seal(copy.sealed, entropy ?? entropyFor(copy.plan.header.serviceAccount)).toString('utf8');
    return { header: copy.plan.header, key };
  }

  async remove(account: string): Promise<boolean> {
    return this.files.delete(serviceKeyFileName(account));
  }
}
