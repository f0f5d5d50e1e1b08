// electron-builder.yml against electron-builder's own JSON schema, plus what the schema cannot see:
// every path exists, the fuses are locked down, signing comes only from the environment.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../main/core/manifest/manifest-file';
import { appDataDir } from '../../main/core/store/paths';
import { ROOT } from '../helpers/proc';

const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: the config is checked by the schema below
const config = loadYaml(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as any;

describe('electron-builder.yml', () => {
  it('is valid against the JSON schema shipped inside electron-builder', () => {
    const schemaPath = join(dirname(require.resolve('app-builder-lib/package.json')), 'scheme.json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const ok = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The validator does catch mistakes:
    expect(validate({ ...config, nsis: { ...config.nsis, oneClik: true } })).toBe(false);
  });

  it('builds per-user one-click NSIS installers for x64 and arm64 with the version in the name', () => {
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false });
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's own placeholders
    expect(config.artifactName).toContain('${version}');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's own placeholders
    expect(config.artifactName).toContain('${arch}');
    expect(config.publish).toBeNull();
  });

  it('sets the fuses: no run-as-node, no NODE_OPTIONS, no inspect, asar only, asar integrity, cookie encryption, no file:// privileges', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('refuses to build an unsigned release; an unsigned build is an explicit, labelled dev build', () => {
    expect(config.forceCodeSigning).toBe(true);
    const dist = readFileSync(join(ROOT, 'scripts', 'dist.mjs'), 'utf8');
    expect(dist).toContain("'-c.forceCodeSigning=false'");
    expect(dist).toMatch(/argv\.includes\('--unsigned'\)/);
    expect(dist).toContain('UNSIGNED-DEV');
  });

  it('without signing variables, dist:win stops at once (before building) and names what is missing', () => {
    const env = { ...process.env };
    for (const k of ['WIN_CSC_LINK', 'CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'CSC_KEY_PASSWORD']) delete env[k];
    const started = Date.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'dist.mjs')], { env, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r.stderr).toContain('WIN_CSC_LINK');
    expect(r.stderr).toContain('WIN_CSC_KEY_PASSWORD');
    expect(r.stderr).toContain('--unsigned');
  });

  // An upgrade is the new installer run over the old one (same appId, per user): what the helper keeps
  // must survive it and an uninstall. Running the installer itself is the Windows CI job's part.
  it('an upgrade or uninstall keeps the keys and registrations: they live outside the install folder', () => {
    expect(config.nsis).toMatchObject({ deleteAppDataOnUninstall: false, perMachine: false, oneClick: true });
    const branding = JSON.parse(readFileSync(join(ROOT, 'vendor/branding.json'), 'utf8'));
    // The appId names the product, never a version: each version installs over the one before.
    expect(branding.appId).not.toMatch(/\d+\.\d+/);
    const env = { APPDATA: 'C:\\Users\\m\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\m\\AppData\\Local' };
    const data = appDataDir(env, 'win32', 'C:\\Users\\m').replaceAll('/', '\\');
    const installed = `${env.LOCALAPPDATA}\\Programs\\${branding.productName}`;
    expect(data.startsWith(installed)).toBe(false);
    expect(installed.startsWith(data)).toBe(false);
  });

  it('packs into asar with keytar unpacked, and ships the vendor manifest and icon', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/node_modules/keytar/**');
    expect(config.extraResources).toEqual([
      { from: 'vendor', to: 'vendor', filter: ['manifest.json', '*.png'] },
    ]);
  });

  it('names only paths that exist (or that the build makes)', () => {
    const mustExist = [
      config.directories.buildResources,
      config.win.icon,
      ...config.extraResources.flatMap((r: { from: string; filter: string[] }) =>
        r.filter.filter((f) => !f.includes('*')).map((f) => join(r.from, f)),
      ),
    ];
    for (const p of mustExist) expect(existsSync(join(ROOT, p)), p).toBe(true);
    // The manifest's own icon is among what the '*.png' filter ships.
    const manifest = JSON.parse(readFileSync(join(ROOT, 'vendor', 'manifest.json'), 'utf8'));
    if (manifest.AppIconFile) expect(manifest.AppIconFile).toMatch(/\.png$/i);
    // files: what the build writes. package.json "main" is built by scripts/build.mjs (run in global setup).
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(config.files).toContain('package.json');
    expect(config.files).toContain('dist/main/**');
    expect(existsSync(join(ROOT, pkg.main))).toBe(true);
    expect(existsSync(join(ROOT, 'dist/main/electron/preload.cjs'))).toBe(true);
    expect(config.files).toContain('dist/renderer/**');
    expect(readFileSync(join(ROOT, 'vite.config.ts'), 'utf8')).toContain("'./dist/renderer'");
  });

  it('keeps signing secrets out of the repository', () => {
    const text = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(config.win.certificatePassword).toBeUndefined();
    expect(config.win.certificateFile).toBeUndefined();
    expect(text).toMatch(/WIN_CSC_LINK/);
    expect(text).not.toMatch(/(password|pfx|p12)\s*:\s*\S/i);
  });
});

describe('the vendor folder', () => {
  it('holds a valid manifest, its icon and the branding', () => {
    const { manifest, warnings } = loadManifest(join(ROOT, 'vendor', 'manifest.json'));
    expect(manifest.AppId).toBeTruthy();
    expect(warnings).toEqual([]);
    const branding = JSON.parse(readFileSync(join(ROOT, 'vendor', 'branding.json'), 'utf8'));
    expect(branding.productName).toBeTruthy();
    expect(branding.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+){2,}$/i);
    const icon = readFileSync(join(ROOT, 'vendor', 'app-icon.png'));
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
  });
});
