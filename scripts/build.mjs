#!/usr/bin/env node
// Builds the Node-side bundles with esbuild (main process, preload, CLI, simulator) and,
// unless --node-only, the renderer with Vite. Output goes to dist/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: quiet ? 'error' : 'warning',
  absWorkingDir: root,
  // keytar is a native module; electron is provided by the runtime.
  external: ['electron', 'keytar'],
  loader: { '.png': 'base64' },
  // The sources are ESM; in the CJS bundles import.meta.url comes from __filename.
  banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__import_meta_url' },
};

const bundles = [
  ['main/cli/index.ts', 'dist/main/cli/wawi-register.cjs'],
  ['test/wawi-sim/cli.ts', 'dist/test/wawi-sim/cli.cjs'],
  ['main/electron/main.ts', 'dist/main/electron/main.cjs'],
  ['main/electron/preload.ts', 'dist/main/electron/preload.cjs'],
];
await Promise.all(bundles.map(([entry, outfile]) => build({ ...common, entryPoints: [entry], outfile })));

if (!args.has('--node-only') && existsSync(resolve(root, 'vite.config.ts'))) {
  const r = spawnSync(
    process.execPath,
    [
      resolve(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'vite.config.ts',
      ...(quiet ? ['--logLevel', 'error'] : []),
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!quiet) console.log('Build: ok (dist/)');
