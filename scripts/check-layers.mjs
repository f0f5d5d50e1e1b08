#!/usr/bin/env node
// Import rules that keep the layers apart (see README "Layout"):
//   shared/      imports only zod and its own files (no Node, DOM or Electron API)
//   main/core/   never imports electron
//   main/ipc/    never imports electron
//   renderer/    imports only shared/, its own files and its UI packages
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const RENDERER_PACKAGES = new Set([
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  'i18next',
  'react-i18next',
]);

function* sourceFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'dist') continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) yield full;
  }
}

const IMPORT_RE =
  /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(source) {
  const out = [];
  for (const m of source.matchAll(IMPORT_RE)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

function inside(root, file, folder) {
  const rel = relative(join(root, folder), file);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel);
}

/** Returns a list of human-readable violations for the tree at `root`. */
export function checkLayers(root) {
  const problems = [];
  const check = (folder, rule) => {
    for (const file of sourceFiles(join(root, folder))) {
      const src = readFileSync(file, 'utf8');
      for (const spec of importsOf(src)) {
        const why = rule(spec, file);
        if (why) problems.push(`${relative(root, file)}: imports '${spec}': ${why}`);
      }
    }
  };
  check('shared', (spec, file) => {
    if (spec === 'zod' || spec.startsWith('zod/')) return null;
    if (spec.startsWith('.')) {
      return inside(root, resolve(dirname(file), spec), 'shared')
        ? null
        : 'shared/ may import only its own files';
    }
    return 'shared/ may import only zod (no Node, DOM or Electron API)';
  });
  for (const folder of ['main/core', 'main/ipc']) {
    check(folder, (spec) =>
      spec === 'electron' || spec.startsWith('electron/') ? `${folder}/ must not import electron` : null,
    );
  }
  check('renderer', (spec, file) => {
    if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      return inside(root, target, 'renderer') || inside(root, target, 'shared')
        ? null
        : 'renderer/ may import only shared/ and its own files';
    }
    if (NODE_BUILTINS.has(spec) || spec === 'electron')
      return 'renderer/ must not import Node or Electron modules';
    if (RENDERER_PACKAGES.has(spec) || spec.startsWith('vite') || spec.startsWith('@vitejs/')) return null;
    return 'renderer/ may import only its UI packages (react, react-dom)';
  });
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const problems = checkLayers(root);
  if (problems.length > 0) {
    console.error(`Layer rules broken (${problems.length}):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('Layer rules: ok');
}
