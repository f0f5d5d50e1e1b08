#!/usr/bin/env node
// The wawi-register command. The CLI is bundled to dist/ by `npm ci` (prepare) or `npm run build`.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bundle = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'dist',
  'main',
  'cli',
  'wawi-register.cjs',
);
if (!existsSync(bundle)) {
  console.error(
    'wawi-register is not built yet. Run "npm run build" (or "npm ci") in the project folder first.',
  );
  process.exit(1);
}
createRequire(import.meta.url)(bundle);
