#!/usr/bin/env node
// The import map that keeps the layers apart, in the style of VS Code's layer rules: each layer names
// the layers it may import (its own files always) and the packages it may use. Anything else is a
// violation, and `npm run lint` fails on it.
//
//   shared          → (nothing)                           zod
//   main/core       → shared                              zod, undici, keytar, Node
//   main/ipc        → shared, main/core (its index only)  Node
//   main/electron   → shared, main/core (index), main/ipc electron, Node
//   main/cli        → shared, main/core (index), tools/wawi-sim (index)  Node
//   renderer        → shared                              react, react-dom
//   tools/wawi-sim  → (nothing)                           Node
//   readers/node    → (nothing: a package of its own)     keytar, Node
//
// Product code (main, shared, renderer, tools) never imports test/.
//
// Inside main/core the order is kept too: the service and index → flows → store / wawi / signing /
// manifest → errors → log. A file imports its own tier or a lower one, never a higher one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE = [...builtinModules.flatMap((m) => [m, `node:${m}`])];

/** Layer folder → what it may import. `entry`: another layer reached only through that file. */
export const LAYERS = {
  shared: { layers: [], packages: ['zod'] },
  'main/core': { layers: ['shared'], packages: ['zod', 'undici', 'keytar', ...NODE] },
  'main/ipc': { layers: ['shared', 'main/core/index.ts'], packages: NODE },
  'main/electron': {
    layers: ['shared', 'main/core/index.ts', 'main/ipc'],
    packages: ['electron', ...NODE],
  },
  'main/cli': {
    layers: ['shared', 'main/core/index.ts', 'tools/wawi-sim/index.ts'],
    packages: NODE,
  },
  renderer: { layers: ['shared'], packages: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'] },
  'tools/wawi-sim': { layers: [], packages: NODE },
  'readers/node': { layers: [], packages: ['keytar', ...NODE] },
};

/** The tiers of main/core, highest first (a file may import its own tier and the ones below). */
export const CORE_TIERS = [
  ['main/core/index.ts', 'main/core/service.ts'],
  ['main/core/flows'],
  ['main/core/store', 'main/core/wawi', 'main/core/signing', 'main/core/manifest'],
  ['main/core/errors.ts'],
  ['main/core/log'],
];

function coreTier(rel) {
  return CORE_TIERS.findIndex((tier) => tier.some((t) => within(rel, t)));
}

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

const posix = (p) => p.split(sep).join('/');
const within = (rel, folder) => rel === folder || rel.startsWith(`${folder}/`);

/** The layer a repository path belongs to (the longest folder that holds it), or undefined. */
function layerOf(rel) {
  return Object.keys(LAYERS)
    .filter((l) => within(rel, l))
    .sort((a, b) => b.length - a.length)[0];
}

/** The file a relative import names, repository-relative, with the extension it has on disk. */
function target(root, file, spec) {
  const base = posix(relative(root, resolve(dirname(file), spec)));
  for (const ext of ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts']) {
    try {
      if (statSync(join(root, base + ext)).isFile()) return base + ext;
    } catch {
      // next candidate
    }
  }
  return base;
}

function packageName(spec) {
  return spec.startsWith('node:')
    ? spec
    : spec
        .split('/')
        .slice(0, spec.startsWith('@') ? 2 : 1)
        .join('/');
}

/** Returns a list of human-readable violations for the tree at `root`. */
export function checkLayers(root) {
  const problems = [];
  for (const layer of Object.keys(LAYERS)) {
    const rules = LAYERS[layer];
    for (const file of sourceFiles(join(root, layer))) {
      const rel = posix(relative(root, file));
      if (layerOf(rel) !== layer) continue; // a nested layer checks its own files
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const why = check(root, file, layer, rules, spec);
        if (why) problems.push(`${rel}: imports '${spec}': ${why}`);
      }
    }
  }
  return problems;
}

function check(root, file, layer, rules, spec) {
  if (!spec.startsWith('.')) {
    const ok =
      rules.packages.includes(spec) || rules.packages.includes(packageName(spec)) || spec.endsWith('.json');
    return ok
      ? null
      : `${layer}/ may use only ${rules.packages.filter((p) => !NODE.includes(p)).join(', ') || 'no packages'}${rules.packages.some((p) => NODE.includes(p)) ? ' and Node' : ''}`;
  }
  const to = target(root, file, spec);
  if (within(to, 'test')) return 'product code never imports test/';
  const toLayer = layerOf(to);
  if (toLayer === layer && layer === 'main/core') {
    const from = coreTier(posix(relative(root, file)));
    const into = coreTier(to);
    if (from < 0 || into < 0 || into >= from) return null;
    return `main/core keeps its order (${CORE_TIERS.map((t) => t.join(' / ')).join(' → ')}): ${to} is above it`;
  }
  if (toLayer === layer) return null;
  if (!toLayer) return within(to, 'main') || within(to, 'scripts') ? `${layer}/ may not reach ${to}` : null;
  const allowed = rules.layers.some((l) => (l.includes('.') ? to === l : toLayer === l));
  if (allowed) return null;
  const entry = rules.layers.find((l) => l.includes('.') && layerOf(l) === toLayer);
  if (entry) return `${layer}/ may use ${toLayer}/ only through ${entry}`;
  return `${layer}/ may import ${rules.layers.length ? rules.layers.join(', ') : 'only its own files'}`;
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
