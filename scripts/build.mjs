#!/usr/bin/env node
// Builds the Node-side bundles with esbuild (main process, preload, CLI, simulator) and,
// unless --node-only, the renderer with Vite. Output goes to dist/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { builtinsWithoutFacade } from './builtins-without-facade.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
/** The version the CLI prints (--version), from package.json. */
const version = JSON.stringify(JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version);

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
  define: { 'import.meta.url': '__import_meta_url', __HELPER_VERSION__: version },
};

const bundles = [
  // The simulator: its own command, and the library the CLI loads only for `sim` and `--demo`.
  ['tools/wawi-sim/cli.ts', 'dist/tools/wawi-sim/cli.cjs'],
  ['tools/wawi-sim/index.ts', 'dist/tools/wawi-sim/sim.cjs'],
  ['main/electron/main.ts', 'dist/main/electron/main.cjs'],
  ['main/electron/preload.ts', 'dist/main/electron/preload.cjs'],
];
await Promise.all(
  bundles.map(([entry, outfile]) =>
    build({ ...common, entryPoints: [entry], outfile, minify: entry.endsWith('preload.ts') }),
  ),
);
/** `require` in the CLI's ES modules, for keytar and the CommonJS inside the bundle. */
const REQUIRE = "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);";
// Chunk names change with their content: old ones go first.
rmSync(resolve(root, 'dist/main/cli'), { recursive: true, force: true });
// The CLI as ES modules split into chunks: --help loads only the program and its command table, a command
// loads the core (undici, zod) when it runs.
await build({
  ...common,
  format: 'esm',
  splitting: true,
  entryPoints: { 'wawi-register': 'main/cli/index.ts' },
  outdir: 'dist/main/cli',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  banner: { js: REQUIRE },
  define: { __HELPER_VERSION__: version },
});
// Built-ins without an import in the chunks (./builtins-without-facade.mjs): 4 ms of every start.
for (const name of readdirSync(resolve(root, 'dist/main/cli'), { recursive: true })) {
  if (!name.endsWith('.mjs')) continue;
  const file = resolve(root, 'dist/main/cli', name);
  let text = readFileSync(file, 'utf8');
  // A chunk that never calls require goes without the banner's (each createRequire costs a little).
  if (!/\brequire\b/.test(text.slice(text.indexOf('\n')))) text = text.replace(REQUIRE, '');
  const { code, left } = builtinsWithoutFacade(text);
  if (left.length) throw new Error(`${name}: a built-in the build cannot take without an import: ${left[0]}`);
  writeFileSync(file, code);
}
// The simulator reads its admin page, the demo app and JTL's scope table from beside its bundle.
for (const dir of ['admin', 'demo-app'])
  cpSync(resolve(root, 'tools/wawi-sim', dir), resolve(root, 'dist/tools/wawi-sim', dir), {
    recursive: true,
  });
cpSync(resolve(root, 'shared/wawi-scopes.json'), resolve(root, 'dist/tools/wawi-sim/wawi-scopes.json'));

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
