// Builds the Node bundles once so tests can run the CLI and the simulator as real processes (unless
// `npm test` has built them already).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup() {
  // `npm test` builds everything once before vitest and the browser tests run side by side.
  if (process.env.WAWI_BUILT === '1') return;
  const root = join(import.meta.dirname, '..');
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--node-only', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('The Node bundles did not build (see above).');
}
