// What the tests that run the CLI as a process share: the bundle, the demo app, an isolated
// environment (its own app-data folder and keychain service) and the clean-up of that keychain service.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { uniqueService } from './core';

export const CLI = 'dist/main/cli/wawi-register.mjs';
export const MANIFEST = 'tools/wawi-sim/demo-app/manifest.json';
export const APP = 'WawiHelperDemo/v1';

export function isolatedEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    WAWI_REGISTER_HOME: mkdtempSync(join(tmpdir(), 'wawi-cli-home-')),
    WAWI_REGISTER_KEYCHAIN_SERVICE: uniqueService(),
    ...extra,
  };
}

/** Removes every key and pending entry the run left under its keychain service. */
export async function cleanKeychain(env: Record<string, string>): Promise<void> {
  const service = env.WAWI_REGISTER_KEYCHAIN_SERVICE!;
  for (const s of [service, `pending: ${service}`, `connection: ${service}`])
    for (const c of await keytar.findCredentials(s)) await keytar.deletePassword(s, c.account);
}
