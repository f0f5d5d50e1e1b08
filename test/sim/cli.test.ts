// The simulator as `npm run sim` starts it: a real process, driven over HTTP only.
import { afterEach, describe, expect, it } from 'vitest';
import { call, registrationBody } from '../helpers/http';
import { type Running, start } from '../helpers/proc';

let proc: Running | undefined;
afterEach(async () => {
  proc?.child.kill('SIGTERM');
  await proc?.exited;
  proc = undefined;
});

describe('npm run sim', () => {
  it('prints its URLs and runs the documented sequence end to end', async () => {
    proc = start('dist/tools/wawi-sim/cli.cjs', ['--port', '0']);
    const [, base] = await proc.waitFor(/Wawi simulator: (http:\/\/\S+?)\/\s/);
    const [, adminUrl] = await proc.waitFor(/Admin page:\s+(\S+)/);
    const origin = new URL(base!).origin;
    expect(adminUrl).toBe(`${origin}/__admin/`);
    const cc = { 'x-challengecode': 'seq-code' };

    expect(
      (await call('POST', `${origin}/__admin/api/eazybusiness/window`, { body: { open: true } })).status,
    ).toBe(200);
    const created = await call('POST', `${base}/v1/authentication`, {
      headers: cc,
      body: registrationBody(),
    });
    expect(created.status).toBe(201);
    const id = created.json.RegistrationRequestId;
    expect((await call('POST', `${origin}/__admin/api/eazybusiness/requests/${id}/accept`)).status).toBe(200);
    const got = await call('GET', `${base}/v1/authentication/${id}`, { headers: cc });
    expect(got.json.RequestStatusInfo.Status).toBe(2);
    expect(got.json.GrantedScopes).toContain('company.querycompanies');
    const key = got.json.Token.ApiKey;
    expect((await call('GET', `${base}/v1/authentication/${id}`, { headers: cc })).status).toBe(410);
    const headers = { authorization: `Wawi ${key}`, 'x-appid': 'TestApp/v1', 'x-appversion': '1.0.0' };
    expect((await call('GET', `${base}/v1/companies`, { headers })).status).toBe(200);
    expect(
      (await call('DELETE', `${origin}/__admin/api/eazybusiness/apps/${encodeURIComponent('TestApp/v1')}`))
        .status,
    ).toBe(200);
    expect((await call('GET', `${base}/v1/companies`, { headers })).status).toBe(401);
  });

  it('serves several databases and auto-accepts with --auto-accept', async () => {
    proc = start('dist/tools/wawi-sim/cli.cjs', [
      '--port',
      '0',
      '--db',
      'eazybusiness',
      '--db',
      'Mandant_2',
      '--auto-accept',
      '10',
    ]);
    const [, base] = await proc.waitFor(/Wawi simulator: (http:\/\/\S+\/api\/Mandant_2)\//);
    const created = await call('POST', `${base}/v1/authentication`, {
      headers: { 'x-challengecode': 'c' },
      body: registrationBody(),
    });
    expect(created.status).toBe(201);
    await new Promise((r) => setTimeout(r, 100));
    const got = await call('GET', `${base}/v1/authentication/${created.json.RegistrationRequestId}`, {
      headers: { 'x-challengecode': 'c' },
    });
    expect(got.json.RequestStatusInfo.Status).toBe(2);
  });

  it('--keep-dialog-open: a second registration goes out after the first was accepted', async () => {
    proc = start('dist/tools/wawi-sim/cli.cjs', ['--port', '0', '--keep-dialog-open']);
    const [, base] = await proc.waitFor(/Wawi simulator: (http:\/\/\S+?)\/\s/);
    const origin = new URL(base!).origin;
    await call('POST', `${origin}/__admin/api/eazybusiness/window`, { body: { open: true } });
    const first = await call('POST', `${base}/v1/authentication`, {
      headers: { 'x-challengecode': 'one' },
      body: registrationBody(),
    });
    await call(
      'POST',
      `${origin}/__admin/api/eazybusiness/requests/${first.json.RegistrationRequestId}/accept`,
    );
    const second = await call('POST', `${base}/v1/authentication`, {
      headers: { 'x-challengecode': 'two' },
      body: registrationBody({ AppId: 'Second/v1' }),
    });
    expect(second.status).toBe(201); // JTL-Wawi itself would answer 403: its dialog closes after a decision
  });

  it('explains a bad option and a port in use', async () => {
    proc = start('dist/tools/wawi-sim/cli.cjs', ['--port', 'abc']);
    expect((await proc.exited).code).toBe(2);
    expect(proc.output()).toMatch(/--port must be a number/);
    const first = start('dist/tools/wawi-sim/cli.cjs', ['--port', '0']);
    const [, port] = await first.waitFor(/Wawi simulator: http:\/\/127\.0\.0\.1:(\d+)/);
    proc = start('dist/tools/wawi-sim/cli.cjs', ['--port', port!]);
    expect((await proc.exited).code).toBe(2);
    expect(proc.output()).toMatch(/already in use/);
    first.child.kill('SIGTERM');
    await first.exited;
  });
});
