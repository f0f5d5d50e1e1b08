// A real core (real keychain, real HTTP) with fast timings, isolated per test.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CoreEnvironment, createCore, type HelperError } from '../../main/core/index';
import { loadManifest } from '../../main/core/manifest/manifest-file';
import type { AppManifest } from '../../shared/manifest';
import type { WawiSim } from '../../tools/wawi-sim/server';
import { DEMO_APP } from './http';

export function uniqueService(): string {
  return `JTL-Wawi API key test ${randomUUID().slice(0, 8)}`;
}

export function makeCore(
  options: {
    home?: string;
    service?: string;
    pollIntervalMs?: number;
    storeRetryBaseMs?: number;
    http?: CoreEnvironment['http'];
    keychain?: CoreEnvironment['keychain'];
  } = {},
) {
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'wawi-home-'));
  const service = options.service ?? uniqueService();
  const { core, vault, logger, metadata } = createCore({
    home,
    service,
    keychain: options.keychain,
    logLevel: 'debug',
    http: { connectTimeoutMs: 1000, responseTimeoutMs: 2000, ...options.http },
    overrides: {
      timings: {
        pollIntervalMs: options.pollIntervalMs ?? 40,
        removalPollIntervalMs: 40,
        backoffBaseMs: 40,
        storeRetryBaseMs: options.storeRetryBaseMs ?? 40,
      },
    },
  });
  return {
    core,
    vault,
    metadata,
    logger,
    home,
    service,
    /** Everything the helper wrote to disk (metadata and logs), for secret scans. */
    files(): string {
      const out: string[] = [];
      const walk = (dir: string) => {
        if (!existsSync(dir)) return;
        for (const e of readdirSync(dir, { withFileTypes: true })) {
          const p = join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else out.push(readFileSync(p, 'utf8'));
        }
      };
      walk(home);
      return out.join('\n');
    },
    log(): string {
      const p = join(home, 'logs', 'helper.log');
      return existsSync(p) ? readFileSync(p, 'utf8') : '';
    },
  };
}

export function demoManifest(overrides: Partial<AppManifest> = {}): AppManifest {
  return { ...loadManifest(join(DEMO_APP, 'manifest.json')).manifest, ...overrides };
}

/** Accepts (or rejects) the first request that shows up on the simulator. */
export function decideWhenPending(
  sim: WawiSim,
  how: 'accept' | 'reject' = 'accept',
  granted?: string[],
  db?: string,
) {
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const p = sim.pending(db)[0];
      if (p) {
        if (how === 'accept') sim.accept(p.id, granted, db);
        else sim.reject(p.id, db);
        return p.id;
      }
      await new Promise((r) => setTimeout(r, 15));
    }
    return undefined;
  })();
  return { done, stop: () => (stopped = true) };
}

/** The error a promise fails with (the test fails if it succeeds). */
export async function failureOf(p: Promise<unknown>): Promise<HelperError> {
  return p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as HelperError,
  );
}
