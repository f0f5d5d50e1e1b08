// wawi-register as IT admins run it, against the simulator over HTTP. Most tests run it in this process
// (runCli) with a keychain in memory; the real binary with the real keychain where those are the point:
// the --json document and the key in the Secret Service, no keychain reachable, and SIGKILL.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWawiSim, type WawiSim } from '../../tools/wawi-sim/server';
import { APP, CLI, cleanKeychain, isolatedEnv, MANIFEST } from '../helpers/cli-env';
import { inProcessCli } from '../helpers/cli-in-process';
import { call } from '../helpers/http';
import { ROOT, run, start } from '../helpers/proc';

let sim: WawiSim;
let env: Record<string, string>;
let here: ReturnType<typeof inProcessCli>;

beforeEach(async () => {
  sim = await startWawiSim({ port: 0 });
  env = isolatedEnv({ WAWI_REGISTER_CANDIDATES: '127.0.0.1:9' });
  here = inProcessCli(() => env);
});
afterEach(async () => {
  await cleanKeychain(env);
  await sim.close();
});

/** In this process, the keychain in memory (`here.keychain`). */
const cli = (args: string[], extraEnv: Record<string, string> = {}) => here.run(args, extraEnv);
/** The real binary with the real keychain. */
const binary = (args: string[], extraEnv: Record<string, string> = {}) =>
  run(CLI, args, { ...env, ...extraEnv });

/** `register` of the demo manifest at the simulator, with more options. */
const registerHere = (...more: string[]) => [
  'register',
  '--manifest',
  MANIFEST,
  '--wawi',
  sim.apiUrl(),
  ...more,
];

function acceptSoon(s: WawiSim = sim) {
  const t = setInterval(() => {
    const p = s.pending()[0];
    if (p) {
      s.accept(p.id);
      clearInterval(t);
    }
  }, 30);
  return () => clearInterval(t);
}

function expectNoSecrets(text: string, s: WawiSim = sim) {
  const secrets = [...s.apiKeys(), ...s.challengeCodes()];
  expect(secrets.length).toBeGreaterThan(0);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('wawi-register register', () => {
  it('registers with --json: a documented document, exit 0, no secret in any output', async () => {
    sim.setWindow('eazybusiness', true);
    const stop = acceptSoon();
    const r = await binary(['register', '--manifest', MANIFEST, '--wawi', sim.apiUrl(), '--json']);
    stop();
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.output);
    expect(doc).toMatchObject({
      ok: true,
      command: 'register',
      keychain: {
        service: env.WAWI_REGISTER_KEYCHAIN_SERVICE,
        account: `${APP}@127.0.0.1:${sim.port}/eazybusiness`,
      },
      registration: {
        appId: APP,
        lastVerifyResult: 'works',
        grantedScopes: expect.arrayContaining(['company.querycompanies']),
      },
    });
    expect(doc).not.toHaveProperty('apiKey');
    expect(await keytar.getPassword(env.WAWI_REGISTER_KEYCHAIN_SERVICE!, doc.keychain.account)).toBe(
      sim.apiKeys()[0],
    );
    expectNoSecrets(r.output);
  });

  it('human output names the Wawi menu and where the key is; --show-key prints it with a warning', async () => {
    sim.setWindow('eazybusiness', true);
    const stop = acceptSoon();
    const r = await cli(registerHere('--lang', 'de', '--show-key'));
    stop();
    expect(r.code).toBe(0);
    expect(r.output).toContain('Admin → App-Registrierung');
    expect(r.output).toContain('Achtung: Der API-Schlüssel wird unten ausgegeben');
    expect(r.output).toContain(sim.apiKeys()[0]);
    expect(r.output).toContain(
      `„${env.WAWI_REGISTER_KEYCHAIN_SERVICE}“ / „${APP}@127.0.0.1:${sim.port}/eazybusiness“`,
    );
  });

  it.each([
    [
      'no registration window',
      () => {},
      20,
      /The registration dialog in JTL-Wawi is not open[\s\S]*Admin → App-Registrierung, click "Hinzufügen", then "Weiter"/,
    ],
    ['licence missing', () => sim.setLicenceMissing('eazybusiness', true), 21, /No licence for the REST API/],
  ])('%s: a distinct exit code and the next step', async (_name, setup, code, text) => {
    setup();
    const r = await cli(registerHere('--no-wait-for-dialog', '--lang', 'en'));
    expect(r.code).toBe(code);
    expect(r.output).toMatch(text);
  });

  it('a broken manifest: every problem at once, exit 3, nothing sent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    writeFileSync(
      join(dir, 'm.json'),
      JSON.stringify({
        AppId: 'x y',
        DisplayName: 'X',
        ProviderWebsite: 'nope',
        MandatoryApiScopes: [],
        AppIconFile: 'missing.png',
      }),
    );
    sim.setWindow('eazybusiness', true);
    const r = await cli(['register', '--manifest', join(dir, 'm.json'), '--wawi', sim.apiUrl(), '--json']);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.output);
    expect(doc.error.code).toBe('manifest-invalid');
    expect(Object.keys(doc.error.fields).sort()).toEqual([
      'AppIconFile',
      'AppId',
      'Description',
      'MandatoryApiScopes',
      'ProviderName',
      'ProviderWebsite',
      'Version',
    ]);
    expect(sim.hits.size).toBe(0);
  });

  it('--timeout bounds every step: a server that drips its answer to the request ends at the timeout', async () => {
    sim.setWindow('eazybusiness', true);
    // Headers at once, then a byte every 5 s: never silent long enough for a read timeout (10 s).
    sim.addFaults([{ method: 'POST', path: '/api/*/v1/authentication', type: 'drip', ms: 5000 }]);
    const began = Date.now();
    const r = await cli(
      `register --manifest ${MANIFEST} --wawi ${sim.apiUrl()} --timeout 2s --lang en`.split(' '),
    );
    const took = Date.now() - began;
    expect(r.code).toBe(24);
    expect(took).toBeGreaterThanOrEqual(2000);
    expect(took).toBeLessThan(4000);
    // The request may have reached Wawi: the output says so, and what to do about it.
    expect(r.output).toContain('did not finish answering the registration request within 2 s');
    expect(r.output).toContain('reject a waiting request for this app if there is one');
  });

  it('waits for the registration dialog like the app (the request goes out once it waits); --no-wait-for-dialog fails at once', async () => {
    sim.setWindow('eazybusiness', false);
    const quick = await cli([
      'register',
      '--manifest',
      MANIFEST,
      '--wawi',
      sim.apiUrl(),
      '--no-wait-for-dialog',
    ]);
    expect(quick.code).toBe(20);
    const p = here.start(['register', '--manifest', MANIFEST, '--wawi', sim.apiUrl(), '--lang', 'en']);
    await p.waitFor(/the request is sent as soon as the dialog waits/);
    expect(sim.pending()).toEqual([]);
    sim.setWindow('eazybusiness', true);
    const stop = acceptSoon();
    const code = await p.code;
    stop();
    expect(code, p.output()).toBe(0);
  });

  it('unreachable server: exit 10 naming the address', async () => {
    const r = await cli(['register', '--manifest', MANIFEST, '--wawi', '127.0.0.1:9', '--lang', 'en']);
    expect(r.code).toBe(10);
    expect(r.output).toContain('No answer from http://127.0.0.1:9/api/eazybusiness');
  });

  it('no keychain reachable: exit 50, nothing sent, no file with the key', async () => {
    sim.setWindow('eazybusiness', true);
    const r = await binary(['register', '--manifest', MANIFEST, '--wawi', sim.apiUrl(), '--lang', 'en'], {
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
      DISPLAY: '',
    });
    expect(r.code).toBe(50);
    expect(r.output).toMatch(/The keychain cannot be used/);
    // On Linux the message names the Linux keychain, not Windows'.
    expect(r.output).toContain('Secret Service / GNOME Keyring');
    expect(r.output).not.toContain('Windows');
    expect([...sim.hits.keys()].some((k) => k.startsWith('POST'))).toBe(false);
  });

  it('picks the only server discovery finds, and refuses to guess between two', async () => {
    sim.setWindow('eazybusiness', true);
    const stop = acceptSoon();
    const one = await cli(['register', '--manifest', MANIFEST, '--json'], {
      WAWI_REGISTER_CANDIDATES: `127.0.0.1:9,${sim.url}`,
    });
    stop();
    expect(one.code).toBe(0);
    const other = await startWawiSim({ port: 0 });
    try {
      const two = await cli(['register', '--manifest', MANIFEST, '--json'], {
        WAWI_REGISTER_CANDIDATES: `${sim.url},${other.url}`,
      });
      expect(two.code).toBe(11);
      expect(JSON.parse(two.output).error.params.servers).toContain(other.url);
      const list = await cli(['discover', '--json'], { WAWI_REGISTER_CANDIDATES: `${sim.url},${other.url}` });
      expect(JSON.parse(list.output).servers).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it('each command has its own options and help; --help exits 0', async () => {
    const verify = await cli(['verify', '--help']);
    expect(verify.code).toBe(0);
    expect(verify.output).toContain('--app <AppId>');
    expect(verify.output).not.toContain('--manifest');
    const register = await cli(['register', '--help']);
    expect(register.output).toContain('--allow-self-signed');
    expect(register.output).toContain('--manifest <file>');
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    expect(top.output).toMatch(/Exit codes: 0 ok, 1 unexpected, 2 usage/);
  });

  it('--version prints the version of package.json, exit 0 (also the built binary)', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const r of [await cli(['--version']), await cli(['-V']), await binary(['--version'])]) {
      expect(r.code).toBe(0);
      expect(r.output.trim()).toBe(version);
    }
  });

  it('a usage error exits 2', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
    expect((await cli(['register', '--lang', 'fr'])).code).toBe(2);
    expect((await cli(['verify', '--manifest', MANIFEST])).code).toBe(2);
    expect((await cli(['register', '--bogus'])).code).toBe(2);
    expect(
      (await cli(['register', '--manifest', MANIFEST, '--timeout', 'soon', '--wawi', sim.apiUrl()])).code,
    ).toBe(2);
  });

  it('with --json a usage error is a document on stdout too, agreeing with exit 2', async () => {
    for (const args of [
      ['register', '--json', '--bogus'],
      ['--json', 'frobnicate'],
      ['list', '--json', '--allow-self-signed'],
      ['register', '--json', '--manifest', MANIFEST, '--timeout', 'soon', '--wawi', sim.apiUrl()],
    ]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, exitCode: 2 });
    }
  });
});

describe('resume after the CLI was killed', () => {
  it('SIGKILL while waiting: status shows it, the next run picks it up and stores the key', async () => {
    sim.setWindow('eazybusiness', true);
    const p = start(CLI, ['register', '--manifest', MANIFEST, '--wawi', sim.apiUrl(), '--lang', 'en'], env);
    await p.waitFor(/Waiting for acceptance/);
    p.child.kill('SIGKILL');
    expect((await p.exited).signal).toBe('SIGKILL');

    const status = await binary(['status', '--json']);
    const pending = JSON.parse(status.output).pending;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ appId: APP, account: `${APP}@127.0.0.1:${sim.port}/eazybusiness` });
    expect(JSON.stringify(pending)).not.toContain(sim.challengeCodes()[0]);

    // Meanwhile the merchant accepted in Wawi.
    sim.accept(sim.pending()[0]!.id);
    const again = await binary(['register', '--manifest', MANIFEST, '--wawi', sim.apiUrl(), '--lang', 'en']);
    expect(again.code).toBe(0);
    expect(again.output).toMatch(/Continuing the registration of Lagerbestand Sync \(Demo\) started at/);
    expect(sim.challengeCodes()).toHaveLength(1); // no second request was sent
    expect(JSON.parse((await binary(['status', '--json'])).output).pending).toEqual([]);
    expect(JSON.parse((await binary(['list', '--json'])).output).registrations[0].lastVerifyResult).toBe(
      'works',
    );
  });

  it('resume after the key was fetched elsewhere: exit 27 and how to recover', async () => {
    sim.setWindow('eazybusiness', true);
    const p = start(CLI, ['register', '--manifest', MANIFEST, '--wawi', sim.apiUrl()], env);
    await p.waitFor(/Waiting for acceptance/);
    p.child.kill('SIGKILL');
    await p.exited;
    const id = sim.pending()[0]!.id;
    sim.accept(id);
    await call('GET', `${sim.apiUrl()}/v1/authentication/${id}`, {
      headers: { 'x-challengecode': sim.challengeCodes()[0]! },
    });
    const r = await binary(['resume', '--lang', 'en']);
    expect(r.code).toBe(27);
    expect(r.output).toMatch(
      /The key was already handed out[\s\S]*Remove the app in JTL-Wawi \(Admin → App-Registrierung\) and register it again/,
    );
  });
});

describe('list, verify, rotate, revoke', () => {
  async function registerOnce() {
    sim.setWindow('eazybusiness', true);
    const stop = acceptSoon();
    expect((await cli(['register', '--manifest', MANIFEST, '--wawi', sim.apiUrl()])).code).toBe(0);
    stop();
  }

  it('verify: exit 0 while it works, 30 once the app was removed in Wawi', async () => {
    await registerOnce();
    const ok = await cli(['verify', '--app', APP, '--lang', 'en']);
    expect(ok.code).toBe(0);
    expect(ok.output).toContain('works');
    sim.removeApp(APP);
    const dead = await cli(['verify', '--app', APP, '--wawi', sim.apiUrl(), '--json']);
    expect(dead.code).toBe(30);
    expect(JSON.parse(dead.output)).toMatchObject({ ok: false, exitCode: 30, result: 'rejected' });
    expect((await cli(['verify', '--app', 'Other/v1'])).code).toBe(52);
  });

  it('rotate: waits for the removal, registers again, new key', async () => {
    await registerOnce();
    const oldKey = sim.apiKeys()[0];
    const p = here.start(['rotate', '--app', APP, '--lang', 'en']);
    await p.waitFor(/select "Lagerbestand Sync \(Demo\)" and remove it/);
    sim.removeApp(APP);
    sim.setWindow('eazybusiness', true);
    const stop = acceptSoon();
    const code = await p.code;
    stop();
    expect(code).toBe(0);
    expect(p.output()).toContain('The old key no longer works');
    expect(p.output()).toContain('The key was rotated');
    // One "Done" line, and Wawi's request named by provider (not by AppId).
    expect(p.output().match(/Done\./g)).toHaveLength(1);
    expect(p.output()).toContain('by Beispiel Software GmbH');
    const account = `${APP}@127.0.0.1:${sim.port}/eazybusiness`;
    const newKey = await here.keychain.getPassword(env.WAWI_REGISTER_KEYCHAIN_SERVICE!, account);
    expect(newKey).not.toBe(oldKey);
    expect(sim.apiKeys()).toContain(newKey);
    expectNoSecrets(p.output());
  });

  it('rotate without a manifest here or given: exit 3 before the merchant is asked to remove anything', async () => {
    await registerOnce();
    const file = join(env.WAWI_REGISTER_HOME!, 'registrations.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.manifests = {};
    writeFileSync(file, JSON.stringify(data));
    const r = await cli(['rotate', '--app', APP, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.output).toContain('--manifest');
    expect(r.output).not.toContain('remove it');
    expect(sim.apps()).toHaveLength(1);
  });

  it('revoke: deletes once the key gets 401; --local-only forgets without asking Wawi', async () => {
    await registerOnce();
    const p = here.start(['revoke', '--app', APP, '--lang', 'en']);
    await p.waitFor(/remove it/);
    sim.removeApp(APP);
    expect(await p.code).toBe(0);
    expect(p.output()).toContain('The app was removed in JTL-Wawi and its key deleted');
    expect(JSON.parse((await cli(['list', '--json'])).output).registrations).toEqual([]);

    await registerOnce();
    const local = await cli(['revoke', '--app', APP, '--local-only', '--lang', 'en']);
    expect(local.code).toBe(0);
    expect(local.output).toContain('still registered in JTL-Wawi');
    expect(sim.apps()).toHaveLength(1);
    expect(await here.keychain.findCredentials(env.WAWI_REGISTER_KEYCHAIN_SERVICE!)).toEqual([]);
  });

  it('Ctrl+C while waiting: exit 25, the request stays pending, and resume collects the key later', async () => {
    sim.setWindow('eazybusiness', true);
    const p = here.start(
      `register --manifest ${MANIFEST} --wawi ${sim.apiUrl()} --lang en --timeout 10m`.split(' '),
    );
    // The progress line tells the time waited and the time left of --timeout.
    await p.waitFor(/Waiting for acceptance in JTL-Wawi \(0:0\d, (10:00|9:5\d) left\)/);
    p.interrupt();
    expect(await p.code).toBe(25);
    expect(p.output()).toContain('Cancelled');
    expect(p.output()).toContain('still waiting in JTL-Wawi and is kept on this computer');
    expect(p.output()).toContain('wawi-register resume');
    expect(p.output()).not.toContain('Nothing was changed');
    const pending = JSON.parse((await cli(['status', '--json'])).output).pending;
    expect(pending).toEqual([expect.objectContaining({ appId: APP, requestConfirmed: true })]);
    // The merchant accepts afterwards; resume collects the key.
    sim.accept(sim.pending()[0]!.id);
    const resumed = await cli(['resume', '--json']);
    expect(resumed.code).toBe(0);
    const doc = JSON.parse(resumed.output);
    expect(doc.ok).toBe(true);
    const account = doc.results[0].registration.account;
    expect(sim.apiKeys()).toContain(
      await here.keychain.getPassword(env.WAWI_REGISTER_KEYCHAIN_SERVICE!, account),
    );
    expect(JSON.parse((await cli(['status', '--json'])).output).pending).toEqual([]);
  });
});

describe('register --demo', () => {
  it('runs against an embedded simulator, prints its admin page, and cleans up its key', async () => {
    const p = here.start(['register', '--demo', '--lang', 'en']);
    const [, admin] = await p.waitFor(/(http:\/\/127\.0\.0\.1:\d+\/__admin\/)/);
    const api = admin!.replace('/__admin/', '/__admin/api/eazybusiness');
    let id: string | undefined;
    for (let i = 0; i < 100 && !id; i++) {
      id = (await call('GET', `${api}/requests`)).json[0]?.id;
      if (!id) await new Promise((r) => setTimeout(r, 50));
    }
    await call('POST', `${api}/requests/${id}/accept`);
    expect(await p.code).toBe(0);
    expect(p.output()).toContain('The key was checked and works');
    expect(p.output()).toContain('Demo finished');
    expect(await here.keychain.findCredentials(env.WAWI_REGISTER_KEYCHAIN_SERVICE!)).toEqual([]);
  });
});

describe('what a server sends is printed as text', () => {
  it('strips escape sequences and control characters from server strings', async () => {
    const hostile = await startWawiSim({
      port: 0,
      wawiVersion: '1.0\u001b]0;owned\u0007\u001b[2J\u001b[31m',
    });
    try {
      const r = await cli(['discover'], { WAWI_REGISTER_CANDIDATES: hostile.url });
      expect(r.code).toBe(0);
      expect(r.output).toContain('JTL-Wawi 1.0)');
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
      expect(r.output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      // --json too: the value was made inert where it entered (shared/printable.ts inert).
      const j = await cli(['discover', '--json'], { WAWI_REGISTER_CANDIDATES: hostile.url });
      expect(JSON.parse(j.output).servers[0].wawiVersion).toBe('1.0');
    } finally {
      await hostile.close();
    }
  });
});
describe('manifests that are not regular files fail fast with exit 3', () => {
  for (const path of ['/dev/zero', '/dev/urandom']) {
    it(path, async () => {
      const r = await cli(['check-manifest', '--manifest', path, '--lang', 'en']);
      expect(r.code).toBe(3);
      expect(r.output).toContain('is not a regular file');
    });
  }

  it('a FIFO', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wawi-fifo-'));
    const fifo = join(dir, 'manifest.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await cli(['check-manifest', '--manifest', fifo, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.output).toContain('is not a regular file');
  });

  it('an AppIconFile that is a device', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wawi-icon-'));
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    // The icon must sit beside the manifest: here a link to a device, by name.
    symlinkSync('/dev/zero', join(dir, 'icon.png'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, AppIconFile: 'icon.png' }));
    const r = await cli(['check-manifest', '--manifest', join(dir, 'manifest.json'), '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.output).toContain(`${join(dir, 'icon.png')} is not a regular file`);
  });
});
