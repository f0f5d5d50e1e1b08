// The decisions behind a service app's copy of its key, for every kind of account: which account the
// manifest names, its SID, the file's name and rules, the file format, and that Wawi never sees the field.
import { describe, expect, it } from 'vitest';
import {
  ADMINISTRATORS_SID,
  FOLDER_RULES,
  planServiceKey,
  SYSTEM_SID,
  serviceKeyDir,
  serviceKeyFileName,
  serviceKeyFileSchema,
  virtualAccountSid,
} from '../../main/core/service-key/plan';
import { noServiceKeys } from '../../main/core/service-key/store';
import { checkManifest } from '../../shared/manifest';
import { parseServiceAccount } from '../../shared/service-account';
import { demoManifest } from '../helpers/core';

const REG = {
  account: 'myApp/v1@127.0.0.1:5883/eazybusiness',
  appId: 'myApp/v1',
  baseUrl: 'https://127.0.0.1:5883/api/eazybusiness',
  database: 'eazybusiness',
  certificatePin: 'AB:CD',
};

describe('the ServiceAccount a manifest names', () => {
  it.each([
    ['LocalSystem', 'local-system', 'NT AUTHORITY\\SYSTEM', 'S-1-5-18'],
    ['nt authority\\system', 'local-system', 'NT AUTHORITY\\SYSTEM', 'S-1-5-18'],
    ['NetworkService', 'network-service', 'NT AUTHORITY\\NETWORK SERVICE', 'S-1-5-20'],
    ['NT AUTHORITY\\NetworkService', 'network-service', 'NT AUTHORITY\\NETWORK SERVICE', 'S-1-5-20'],
    ['LocalService', 'local-service', 'NT AUTHORITY\\LOCAL SERVICE', 'S-1-5-19'],
    // Windows' own SIDs of two well-known virtual accounts: the derivation is Windows'.
    [
      'NT SERVICE\\TrustedInstaller',
      'virtual',
      'NT SERVICE\\TrustedInstaller',
      'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464',
    ],
    [
      'nt service\\MSSQLSERVER',
      'virtual',
      'NT SERVICE\\MSSQLSERVER',
      'S-1-5-80-3880718306-3832830129-1677859214-2598158968-1052248003',
    ],
    ['CONTOSO\\svc-sync', 'named', 'CONTOSO\\svc-sync', undefined],
    ['CONTOSO\\gmsa-sync$', 'named', 'CONTOSO\\gmsa-sync$', undefined],
    ['.\\sync', 'named', '.\\sync', undefined],
    ['contoso.local\\svc', 'named', 'contoso.local\\svc', undefined],
  ])('%s is a %s account, %s', (written, kind, name, sid) => {
    const parsed = parseServiceAccount(written);
    expect(parsed).toMatchObject({ kind, name });
    const plan = planServiceKey(written, REG, 'abcd1234', '2026-12-06T08:00:00.000Z');
    expect(plan.service).toEqual(sid ? { name, sid } : { name });
    expect(plan.header.serviceAccount).toBe(name);
    expect(plan.header.serviceAccountSid).toBe(sid);
  });

  it.each([
    ['sync', 'must say which account'],
    ['Everyone', 'must say which account'],
    ['BUILTIN\\Users', 'not a group'],
    ['CONTOSO\\Domain Users', 'not a group'],
    ['CONTOSO\\svc:sync', "'svc:sync' is not an account name"],
    ['.\\Administrators', 'not a group'],
    ['NT AUTHORITY\\INTERACTIVE', 'not a group'],
    ['NT SERVICE\\', 'must name the service'],
    ['NT SERVICE\\a/b', 'must name the service'],
    ['CONTOSO\\sync\u202e', 'not an account name'],
    ['CON TOSO\\sync', 'not a domain or computer name'],
  ])('%j is refused: %s', (written, why) => {
    const parsed = parseServiceAccount(written);
    expect('error' in parsed && parsed.error).toContain(why);
  });

  it('is a manifest field that check-manifest reports by name, and that Wawi never sees', () => {
    const raw = { ...demoManifest(), ServiceAccount: 'Everyone' };
    expect(checkManifest(raw).problems).toEqual([
      { field: 'ServiceAccount', message: expect.stringContaining('NT SERVICE\\<service name>') },
    ]);
    const ok = checkManifest({ ...demoManifest(), ServiceAccount: 'NT SERVICE\\MySync' });
    expect(ok.manifest?.ServiceAccount).toBe('NT SERVICE\\MySync');
  });
});

describe('the copy for a service account', () => {
  it('lies under ProgramData, one file per registration, named after its account', () => {
    expect(serviceKeyDir({ ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\Wawi Registration Helper\\keys',
    );
    expect(serviceKeyDir({})).toBe('C:\\ProgramData\\Wawi Registration Helper\\keys');
    expect(serviceKeyFileName('myApp/v1@127.0.0.1:5883/eazybusiness')).toBe(
      'myApp%2Fv1@127.0.0.1%3A5883%2Feazybusiness.key',
    );
    expect(serviceKeyFileName('myApp/v1#2@[::1]:5883/eb')).toBe('myApp%2Fv1#2@%5B%3A%3A1%5D%3A5883%2Feb.key');
    // Nothing Windows forbids in a file name, nothing that climbs out of the folder.
    for (const account of ['a/../../x@h:1/d', 'ä*?"<>|\\@h:1/d']) {
      expect(serviceKeyFileName(account)).toMatch(/^[A-Za-z0-9._@#%-]+\.key$/);
      expect(serviceKeyFileName(account)).not.toContain('/');
    }
  });

  it('the folder: SYSTEM and Administrators full control, the writing user the folder only, the service may list it', () => {
    expect(FOLDER_RULES).toEqual([
      { who: { name: 'NT AUTHORITY\\SYSTEM', sid: SYSTEM_SID }, rights: 'full' },
      { who: { name: 'BUILTIN\\Administrators', sid: ADMINISTRATORS_SID }, rights: 'full' },
      { who: 'writer', rights: 'full' },
    ]);
    const plan = planServiceKey('NetworkService', REG, 'abcd1234', '2026-12-06T08:00:00.000Z');
    expect(plan.folderRules).toEqual([...FOLDER_RULES, { who: plan.service, rights: 'list' }]);
  });

  it.each(['LocalSystem', 'NetworkService', 'LocalService', 'NT SERVICE\\MySync', 'CONTOSO\\svc-sync'])(
    'a file for %s: read for that account and the writer, full control for SYSTEM and Administrators, nobody else',
    (account) => {
      const plan = planServiceKey(account, REG, 'abcd1234', '2026-12-06T08:00:00.000Z');
      expect(plan.fileRules).toEqual([
        { who: { name: 'NT AUTHORITY\\SYSTEM', sid: SYSTEM_SID }, rights: 'full' },
        { who: { name: 'BUILTIN\\Administrators', sid: ADMINISTRATORS_SID }, rights: 'full' },
        { who: plan.service, rights: 'read' },
        { who: 'writer', rights: 'read' },
      ]);
      expect(plan.fileRules.filter((r) => r.rights === 'full').map((r) => r.who)).not.toContain('writer');
    },
  );

  it('holds what a service needs to call the server, and the key only protected', () => {
    const plan = planServiceKey('NT SERVICE\\MySync', REG, 'abcd1234', '2026-12-06T08:00:00.000Z');
    const file = serviceKeyFileSchema.parse({ ...plan.header, protectedKey: 'AQID' });
    expect(file).toEqual({
      v: 1,
      account: REG.account,
      appId: 'myApp/v1',
      baseUrl: REG.baseUrl,
      database: 'eazybusiness',
      certificatePin: 'AB:CD',
      serviceAccount: 'NT SERVICE\\MySync',
      serviceAccountSid: virtualAccountSid('MySync'),
      keyFingerprint: 'abcd1234',
      writtenAt: '2026-12-06T08:00:00.000Z',
      protectedKey: 'AQID',
    });
    expect(JSON.stringify(plan)).not.toMatch(/apiKey|"key"/);
  });

  it('is refused on a platform without service accounts, saying which', async () => {
    const store = noServiceKeys('linux');
    expect(store.supported).toBe(false);
    const plan = planServiceKey('LocalSystem', REG, 'abcd1234', '2026-12-06T08:00:00.000Z');
    await expect(store.write(plan, 'k')).rejects.toMatchObject({ state: 'not-windows' });
    expect(await store.read(REG.account)).toBeNull();
  });
});
