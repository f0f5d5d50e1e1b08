#!/usr/bin/env node
// The wawi-register command. The CLI is bundled to dist/ by `npm ci` (prepare) or `npm run build`.
// Built-ins through process.getBuiltinModule, not import: an import of node:fs alone costs 3 ms of
// every start (scripts/builtins-without-facade.mjs says why).
const { existsSync } = process.getBuiltinModule('node:fs');
const module = process.getBuiltinModule('node:module');
const { dirname, join } = process.getBuiltinModule('node:path');
const { fileURLToPath, pathToFileURL } = process.getBuiltinModule('node:url');

const bundle = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'dist',
  'main',
  'cli',
  'wawi-register.mjs',
);
if (!existsSync(bundle)) {
  console.error(
    'wawi-register is not built yet. Run "npm run build" (or "npm ci") in the project folder first.',
  );
  process.exit(1);
}
// Node 22.1+: keep the compiled bundle in the OS temp folder, so later starts skip compiling it.
module.enableCompileCache?.();
await import(pathToFileURL(bundle).href);
