// What the crash trials share (test/integration/crash.test.ts, test/soak/random-kills.test.ts): a
// keyring of their own (killing clients can end gnome-keyring-daemon itself; it is started again on the
// same keyring), a fresh simulator and CLI environment per test, the CLI as a process, and the check
// that the key Wawi handed out is the one in the keychain.
import keytar from 'keytar';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { APP, CLI, cleanKeychain, isolatedEnv, MANIFEST } from './cli-env';
import { PrivateKeyring } from './private-keyring';
import { run, start } from './proc';

export interface CrashRig {
  sim: WawiSim;
  env: Record<string, string>;
  keyring: PrivateKeyring;
  /** A fresh simulator (dialog open) and CLI environment, the old ones closed and cleaned. */
  fresh(): Promise<void>;
  account(): string;
  cli(args: string[]): ReturnType<typeof run>;
  /** `register` of the demo app, running. */
  register(): ReturnType<typeof start>;
  storedKey(): Promise<string | null>;
  pendingEntry(): Promise<{ requestId?: string } | null>;
  /** Accepts every request that is waiting in Wawi (the merchant clicks „Annehmen“). */
  acceptAll(): void;
  expectIssuedKeyStored(): Promise<void>;
}

export async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Registers the hooks of a crash-trial file and returns its rig. */
export function crashRig(): CrashRig {
  const service = () => rig.env.WAWI_REGISTER_KEYCHAIN_SERVICE!;
  const rig: CrashRig = {
    sim: undefined as unknown as WawiSim,
    env: {},
    keyring: undefined as unknown as PrivateKeyring,
    async fresh() {
      if (rig.sim) await rig.sim.close();
      if (rig.env.WAWI_REGISTER_KEYCHAIN_SERVICE) await cleanKeychain(rig.env);
      rig.sim = await startWawiSim({ port: 0 });
      rig.sim.setWindow('eazybusiness', true);
      rig.env = isolatedEnv({ LANG: 'en_GB.UTF-8' });
    },
    account: () => `${APP}@127.0.0.1:${rig.sim.port}/eazybusiness`,
    cli: (args) => run(CLI, args, rig.env),
    register: () => start(CLI, ['register', '--manifest', MANIFEST, '--wawi', rig.sim.apiUrl()], rig.env),
    storedKey: () => keytar.getPassword(service(), rig.account()),
    async pendingEntry() {
      const raw = await keytar.getPassword(`pending: ${service()}`, rig.account());
      return raw ? JSON.parse(raw) : null;
    },
    acceptAll() {
      for (const p of rig.sim.pending()) rig.sim.accept(p.id);
    },
    async expectIssuedKeyStored() {
      const issued = rig.sim.accepted().map((a) => a.apiKey);
      expect(issued.length).toBeGreaterThan(0);
      expect(issued).toContain(await rig.storedKey());
    },
  };
  beforeAll(async () => {
    rig.keyring = await PrivateKeyring.start();
    rig.keyring.activateInThisProcess();
  });
  afterAll(() => rig.keyring?.stop());
  beforeEach(async () => {
    await rig.keyring.ensureRunning();
    await rig.fresh();
  });
  afterEach(async () => {
    await rig.sim.close();
    await cleanKeychain(rig.env);
    rig.sim = undefined as unknown as WawiSim;
    rig.env = {};
  });
  return rig;
}
