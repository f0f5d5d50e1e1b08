// A keychain held in memory, with keytar's interface: the keychain port of flow unit tests, which run
// without a Secret Service. It never persists anything; a real keychain is used everywhere else.
import type { KeychainBackend } from './keychain-backend';

export class MemoryKeychain implements KeychainBackend {
  private readonly entries = new Map<string, Map<string, string>>();

  private service(name: string): Map<string, string> {
    const s = this.entries.get(name) ?? new Map<string, string>();
    this.entries.set(name, s);
    return s;
  }

  async getPassword(service: string, account: string): Promise<string | null> {
    return this.service(service).get(account) ?? null;
  }

  async setPassword(service: string, account: string, password: string): Promise<void> {
    this.service(service).set(account, password);
  }

  async deletePassword(service: string, account: string): Promise<boolean> {
    return this.service(service).delete(account);
  }

  async findCredentials(service: string): Promise<{ account: string; password: string }[]> {
    return [...this.service(service)].map(([account, password]) => ({ account, password }));
  }
}
