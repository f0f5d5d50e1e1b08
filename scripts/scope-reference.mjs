// Writes docs/scopes.md from the scope catalogue (shared/scope-reference.ts). `npm run docs:scopes`.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = await build({
  entryPoints: [join(root, 'shared/scope-reference.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'error',
});
const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`;
const { scopeReference } = await import(url);
writeFileSync(join(root, 'docs', 'scopes.md'), scopeReference());
console.log('docs/scopes.md written');
