// The demo app's manifest, read once through the product's manifest checks.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadManifest } from '../../main/core/index';
import type { AppManifest } from '../../shared/manifest';
import { DEMO_APP } from './http';

let cached: AppManifest | undefined;
export function demoManifestSync(): AppManifest {
  cached ??= loadManifest(join(DEMO_APP, 'manifest.json')).manifest;
  return cached;
}

/** The demo app's manifest with changes, in a file of its own with its icon beside it. */
export function demoManifestFile(overrides: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'demo-app-'));
  const manifest = JSON.parse(readFileSync(join(DEMO_APP, 'manifest.json'), 'utf8'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, ...overrides }));
  copyFileSync(join(DEMO_APP, 'icon.png'), join(dir, 'icon.png'));
  return join(dir, 'manifest.json');
}
