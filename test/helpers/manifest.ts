// The demo app's manifest, read once through the product's manifest checks.
import { join } from 'node:path';
import { loadManifest } from '../../main/core/index';
import type { AppManifest } from '../../shared/manifest';
import { DEMO_APP } from './http';

let cached: AppManifest | undefined;
export function demoManifestSync(): AppManifest {
  cached ??= loadManifest(join(DEMO_APP, 'manifest.json')).manifest;
  return cached;
}
