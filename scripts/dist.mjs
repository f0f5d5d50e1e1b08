#!/usr/bin/env node
// `npm run dist:win`: builds the vendor-branded Windows installer (run it on Windows).
// Reads vendor/branding.json (product name, appId, publisher, executable name), checks the vendor's
// manifest, builds the app and runs electron-builder with electron-builder.yml plus the branding.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fail = (msg) => {
  console.error(`dist: ${msg}`);
  process.exit(1);
};

// Signing first, before anything is built: a release installer must be signed (forceCodeSigning),
// and finding out after minutes of building helps nobody. --unsigned: an explicit development build.
const unsigned = process.argv.includes('--unsigned');
if (!unsigned) {
  const env = process.env;
  const missing = [];
  if (!env.WIN_CSC_LINK && !env.CSC_LINK) missing.push('WIN_CSC_LINK (path or base64 of the .pfx)');
  if (!env.WIN_CSC_KEY_PASSWORD && !env.CSC_KEY_PASSWORD) missing.push('WIN_CSC_KEY_PASSWORD');
  if (missing.length)
    fail(
      `a release installer must be signed, and ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set (CSC_LINK / CSC_KEY_PASSWORD work too). Set them, or build an explicitly unsigned development installer with "npm run dist:win -- --unsigned".`,
    );
}

let branding;
try {
  branding = JSON.parse(readFileSync(join(root, 'vendor', 'branding.json'), 'utf8'));
} catch (err) {
  fail(`vendor/branding.json is missing or not JSON (${err.message}).`);
}
const problems = [];
if (typeof branding.productName !== 'string' || !branding.productName.trim())
  problems.push('productName is required');
if (typeof branding.appId !== 'string' || !/^[a-z0-9-]+(\.[a-z0-9-]+){2,}$/i.test(branding.appId))
  problems.push('appId must look like com.vendor.product');
if (branding.executableName !== undefined && !/^[A-Za-z0-9._-]+$/.test(branding.executableName))
  problems.push('executableName may contain only letters, digits, . _ -');
if (typeof branding.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(branding.version))
  problems.push(
    'version is required, three numbers such as 1.2.0 (the installer and its file name carry it)',
  );
if (typeof branding.publisherName !== 'string' || !branding.publisherName.trim())
  problems.push('publisherName is required (the installer names it as the author)');
if (problems.length) fail(`vendor/branding.json: ${problems.join('; ')}.`);

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
run(process.execPath, [
  join(root, 'dist', 'main', 'cli', 'wawi-register.mjs'),
  'check-manifest',
  '--manifest',
  join(root, 'vendor', 'manifest.json'),
]);

const overrides = [
  `-c.productName=${branding.productName}`,
  `-c.appId=${branding.appId}`,
  `-c.extraMetadata.version=${branding.version}`,
  `-c.extraMetadata.author=${branding.publisherName}`,
  `-c.copyright=Copyright © ${branding.publisherName}`,
];
if (branding.executableName) overrides.push(`-c.win.executableName=${branding.executableName}`);
// --unsigned: an explicit development build, never for merchants; its file name says so.
const extra = process.argv.slice(2).filter((a) => a !== '--unsigned');
if (unsigned) {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's own ${…} macros
  const name = '${productName}-Setup-${version}-${arch}-UNSIGNED-DEV.${ext}';
  overrides.push('-c.forceCodeSigning=false', `-c.artifactName=${name}`, `-c.nsis.artifactName=${name}`);
  console.warn('dist: building an UNSIGNED development installer; do not give it to merchants.');
}
run(process.execPath, [
  join(root, 'node_modules', 'electron-builder', 'cli.js'),
  '--win',
  '--config',
  'electron-builder.yml',
  ...overrides,
  ...extra,
]);
