import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../main/core/manifest/manifest-file';
import { localizedText } from '../../shared/localized';
import { checkManifest, checkPngIcon, decodeBase64, encodeBase64 } from '../../shared/manifest';
import { SCOPE_LABELS } from '../../shared/scope-labels';
import {
  ALL_SCOPES,
  describeScope,
  groupScopes,
  nearestScopes,
  scopeCatalog,
  summarize,
} from '../../shared/scopes';

const WORDS = scopeCatalog();

import { DEMO_APP, DEMO_ICON_B64, registrationBody } from '../helpers/http';

const png = (w: number, h: number, extra = 0) => {
  const b = Buffer.from(DEMO_ICON_B64, 'base64');
  const out = Buffer.concat([b, Buffer.alloc(extra)]);
  out.writeUInt32BE(w, 16);
  out.writeUInt32BE(h, 20);
  return out;
};

describe('checkManifest', () => {
  it('accepts the demo manifest and resolves its icon file', () => {
    const m = loadManifest(join(DEMO_APP, 'manifest.json'));
    expect(m.manifest.AppIcon).toBe(DEMO_ICON_B64);
    expect(m.manifest).not.toHaveProperty('AppIconFile');
    expect(m.warnings).toEqual([]);
  });

  it('reports every problem at once, by field, in plain words', () => {
    const r = checkManifest({
      AppId: 'my app!',
      DisplayName: '',
      Version: '1.0',
      ProviderName: 'X',
      ProviderWebsite: 'ftp://example.com',
      MandatoryApiScopes: [],
      RegistrationType: 5,
      AppIcon: 'bm90IGEgcG5n',
      Colour: 'blue',
    });
    expect(r.manifest).toBeUndefined();
    const byField = Object.fromEntries(r.problems.map((p) => [p.field, p.message]));
    expect(Object.keys(byField).sort()).toEqual(
      [
        'AppIcon',
        'AppId',
        'Colour',
        'Description',
        'DisplayName',
        'MandatoryApiScopes',
        'ProviderWebsite',
        'RegistrationType',
      ].sort(),
    );
    expect(byField.Description).toBe('is required');
    expect(byField.ProviderWebsite).toMatch(/http:\/\/ or https:\/\//);
    expect(byField.AppIcon).toBe('is not a PNG image');
    expect(byField.Colour).toMatch(/not a manifest field/);
  });

  it('refuses control characters and bidi marks in names; a description may have line breaks', () => {
    const base = {
      ...JSON.parse(readFileSync(join(DEMO_APP, 'manifest.json'), 'utf8')),
      AppIcon: DEMO_ICON_B64,
    };
    delete base.AppIconFile;
    const r = checkManifest({
      ...base,
      DisplayName: 'Shop\u202egnp.exe\u202c',
      ProviderName: 'Evil\n✔ Accepted',
      LocalizedDisplayNames: [{ LanguageIso: 'DE', Name: 'a\u2066b' }],
      Description: 'Line one\r\nLine two\twith a tab',
    });
    const fields = r.problems.map((p) => p.field).sort();
    expect(fields).toEqual(['DisplayName', 'LocalizedDisplayNames[0].Name', 'ProviderName']);
    expect(r.problems[0]!.message).toContain('bidi');
  });

  it('warns about unknown scopes without failing', () => {
    const r = checkManifest({
      ...registrationBody(),
      MandatoryApiScopes: ['company.querycompanies', 'made.up'],
      OptionalApiScopes: ['company.querycompanies'],
    });
    expect(r.manifest).toBeDefined();
    expect(r.warnings.map((w) => w.field)).toEqual(['MandatoryApiScopes[1]', 'OptionalApiScopes']);
  });

  it('suggests the nearest scope names, and warns about a listed-twice scope, an AppId without /v1 and a version not x.y.z', () => {
    const r = checkManifest({
      ...registrationBody(),
      AppId: 'MyApp',
      Version: '2.3',
      MandatoryApiScopes: ['stock.querystocks', 'company.querycompanies', 'company.querycompanies'],
      OptionalApiScopes: [],
    });
    const said = Object.fromEntries(r.warnings.map((w) => [w.field, w.message]));
    expect(said['MandatoryApiScopes[0]']).toContain("did you mean 'stock.querystocksperitem'");
    expect(said['MandatoryApiScopes[0]']).toContain('docs/scopes.md');
    expect(said['MandatoryApiScopes[2]']).toBe("'company.querycompanies' is listed twice");
    expect(said.AppId).toContain('/v1');
    expect(said.Version).toContain('2.3.0');
    // Nothing near a made-up name: no guess.
    expect(nearestScopes('made.up')).toEqual([]);
  });

  it('needs exactly one of AppIcon and AppIconFile, and a readable file', () => {
    const { AppIcon: _i, ...noIcon } = registrationBody();
    expect(checkManifest(noIcon).problems[0]).toMatchObject({
      field: 'AppIcon',
      message: expect.stringMatching(/is required/),
    });
    expect(checkManifest({ ...registrationBody(), AppIconFile: 'x.png' }).problems[0]!.message).toMatch(
      /not both/,
    );
    expect(
      checkManifest({ ...noIcon, AppIconFile: 'x.png' }, { error: 'x.png does not exist' }).problems[0],
    ).toEqual({ field: 'AppIconFile', message: 'x.png does not exist' });
    expect(checkManifest({ ...noIcon, AppIconFile: 'x.png' }, png(64, 64)).manifest?.AppIcon).toBe(
      encodeBase64(png(64, 64)),
    );
  });

  it('checks the icon is a PNG of sensible size', () => {
    expect(checkPngIcon(png(64, 64))).toBeNull();
    expect(checkPngIcon(png(8, 8))).toMatch(/8×8 pixels/);
    expect(checkPngIcon(png(4096, 64))).toMatch(/4096×64/);
    expect(checkPngIcon(png(64, 64, 300 * 1024))).toMatch(/at most 256 KB/);
    expect(checkPngIcon(new Uint8Array(readFileSync(join(DEMO_APP, 'manifest.json'))))).toBe(
      'is not a PNG image',
    );
  });

  it('needs SignatureData with a Signature, as a UTC date-time', () => {
    expect(checkManifest({ ...registrationBody(), Signature: 'AAAA' }).problems).toEqual([
      { field: 'SignatureData', message: 'is required together with Signature' },
    ]);
    expect(
      checkManifest({ ...registrationBody(), Signature: 'AAAA', SignatureData: 'yesterday' }).problems[0]!
        .field,
    ).toBe('SignatureData');
    expect(
      checkManifest({ ...registrationBody(), Signature: 'AAAA', SignatureData: '2026-11-22T10:00:00Z' })
        .problems,
    ).toEqual([]);
  });

  it('takes a SignatureProvider over https, or http on this computer only, and not with a static signature', () => {
    const problems = (extra: Record<string, unknown>) =>
      checkManifest({ ...registrationBody(), ...extra }).problems.map((p) => p.field);
    expect(problems({ SignatureProvider: 'https://sign.example.com/wawi' })).toEqual([]);
    expect(problems({ SignatureProvider: 'http://127.0.0.1:8089/sign' })).toEqual([]);
    expect(problems({ SignatureProvider: 'http://sign.example.com/wawi' })).toEqual(['SignatureProvider']);
    expect(problems({ SignatureProvider: 'ftp://x' })).toEqual(['SignatureProvider']);
    expect(
      problems({
        SignatureProvider: 'https://sign.example.com/wawi',
        Signature: 'AAAA',
        SignatureData: '2026-11-22T10:00:00Z',
      }),
    ).toEqual(['SignatureProvider']);
  });

  it('warns about a static signature older than 10 minutes, judged at the time given', () => {
    const body = { ...registrationBody(), Signature: 'AAAA', SignatureData: '2026-12-01T08:00:00Z' };
    const at = (iso: string) => checkManifest(body, undefined, Date.parse(iso)).warnings;
    expect(at('2026-12-01T08:09:00Z')).toEqual([]);
    expect(at('2026-12-01T11:00:00Z')).toEqual([
      expect.objectContaining({ field: 'SignatureData', message: expect.stringMatching(/180 minutes old/) }),
    ]);
    expect(checkManifest(body).warnings).toEqual([]);
  });

  it('explains files that are missing or not JSON', () => {
    expect(() => loadManifest('/nonexistent/manifest.json')).toThrow(/does not exist/);
    expect(() => loadManifest(join(DEMO_APP, 'icon.png'))).toThrow(/not valid JSON/);
  });

  it('base64 round-trips', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253]);
    for (let n = 0; n <= bytes.length; n++) {
      const part = bytes.slice(0, n);
      expect(decodeBase64(encodeBase64(part)) ?? new Uint8Array()).toEqual(part);
      expect(encodeBase64(part)).toBe(Buffer.from(part).toString('base64'));
    }
    expect(decodeBase64('abc')).toBeNull();
  });

  it('picks the localized name and description', () => {
    const m = loadManifest(join(DEMO_APP, 'manifest.json')).manifest;
    expect(localizedText(m, 'en').name).toBe('Stock Sync (Demo)');
    expect(localizedText(m, 'de').name).toBe('Lagerbestand Sync (Demo)');
    expect(localizedText(m, 'fr').name).toBe(m.DisplayName);
  });
});

describe('scopes', () => {
  it('are the same as ../shared/wawi-scopes.json', () => {
    const outside = join(import.meta.dirname, '..', '..', '..', 'shared', 'wawi-scopes.json');
    let theirs: { scopes: Record<string, string[]> };
    try {
      theirs = JSON.parse(readFileSync(outside, 'utf8'));
    } catch {
      return; // not checked out beside the repo
    }
    expect(ALL_SCOPES).toEqual(Object.keys(theirs.scopes));
    expect(ALL_SCOPES).toHaveLength(203);
  });

  it('get curated words in both languages, grouped by area, never a raw token', () => {
    expect(describeScope('item.queryitems', 'en')).toMatchObject({ areaLabel: 'Items', label: 'Read items' });
    expect(describeScope('salesorder.createsalesorder', 'de')).toMatchObject({
      areaLabel: 'Aufträge',
      label: 'Aufträge anlegen',
      risk: 'write',
    });
    expect(describeScope('company.querycompanies', 'de').label).toBe('Firmen lesen');
    // The return area is "Retouren", with its reasons and states.
    for (const s of [
      'return.queryreturns',
      'returnreason.queryreturnreasons',
      'returnstate.queryreturnstates',
    ])
      expect(describeScope(s, 'de').areaLabel).toBe('Retouren');
    const groups = groupScopes(['item.queryitems', 'company.querycompanies', 'item.createitem'], 'en', WORDS);
    expect(groups.map((g) => [g.areaLabel, g.scopes.length, g.risk])).toEqual([
      ['Items', 2, 'write'],
      ['Companies', 1, undefined],
    ]);
    expect(describeScope('company.querycompanies', 'en').operations).toEqual(['GET /companies']);
    for (const scope of ALL_SCOPES)
      for (const lang of ['de', 'en'] as const) {
        const d = describeScope(scope, lang);
        expect(SCOPE_LABELS[scope], scope).toBeDefined();
        // Words, not the token: no dots, no "lesen: companies", not the scope's own names.
        expect(d.label, scope).not.toMatch(/\.|:/);
        const action = scope.split('.')[1]!;
        if (action.length > 8) expect(d.label.toLowerCase(), scope).not.toContain(action);
        expect(d.label.charAt(0), scope).toMatch(/[A-ZÄÖÜ]/);
        expect(d.area, scope).not.toBe('other');
      }
    expect(Object.keys(SCOPE_LABELS).sort()).toEqual([...ALL_SCOPES].sort());
  });

  it('group the riskiest areas first (all data, deleting, writing), and sum them up', () => {
    const groups = groupScopes(
      [
        'item.queryitems',
        'all.read',
        'customer.updatecustomer',
        'company.querycompanies',
        'salesorder.deletesalesorder',
      ],
      'de',
      WORDS,
    );
    expect(groups.map((g) => [g.area, g.risk])).toEqual([
      ['all', 'all'],
      ['salesorder', 'delete'],
      ['customer', 'write'],
      ['item', undefined],
      ['company', undefined],
    ]);
    expect(summarize(groups)).toEqual({ readsAll: true, deletes: 1, writes: 1, areas: 5 });
  });

  it('mark what deletes, writes or reads everything', () => {
    expect(describeScope('customer.deletecustomer', 'en').risk).toBe('delete');
    expect(describeScope('customer.updatecustomer', 'en').risk).toBe('write');
    expect(describeScope('invoice.mailinvoice', 'en').risk).toBe('write');
    expect(describeScope('all.read', 'en').risk).toBe('all');
    expect(describeScope('customer.querycustomers', 'en').risk).toBeUndefined();
    // The strongest risk of an area marks the area.
    const [g] = groupScopes(
      ['customer.querycustomers', 'customer.updatecustomer', 'customer.deletecustomer'],
      'en',
      WORDS,
    );
    expect(g?.risk).toBe('delete');
    // In the area, the riskiest permission first.
    expect(g?.scopes.map((s) => s.scope)).toEqual([
      'customer.deletecustomer',
      'customer.updatecustomer',
      'customer.querycustomers',
    ]);
    // A scope this API version does not know: its name as spelled, and the careful reading of it.
    expect(describeScope('gadget.deletegadgets', 'de')).toMatchObject({
      label: 'gadget.deletegadgets',
      areaLabel: 'Weitere',
      risk: 'delete',
    });
  });
});

describe('manifest files from the audit', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'manifest-audit-'));

  it('refuses a manifest on a network share', () => {
    for (const p of [
      '\\\\server\\share\\manifest.json',
      '//server/share/manifest.json',
      '\\\\?\\UNC\\s\\m.json',
    ])
      expect(() => loadManifest(p)).toThrow(/network share/);
  });

  it('wants the icon beside the manifest, by name', () => {
    const d = dir();
    const manifest = JSON.parse(readFileSync(join(DEMO_APP, 'manifest.json'), 'utf8'));
    for (const icon of [
      '../icon.png',
      '/etc/passwd',
      '\\\\server\\share\\icon.png',
      'sub/icon.png',
      'C:icon.png',
    ]) {
      writeFileSync(join(d, 'm.json'), JSON.stringify({ ...manifest, AppIconFile: icon }));
      expect(() => loadManifest(join(d, 'm.json'))).toThrow(/AppIconFile must be the name of a file/);
    }
  });

  it('says where JSON breaks without quoting the file', () => {
    const d = dir();
    writeFileSync(join(d, 'm.json'), '{\n  "AppId": "x",\n  "Secret": topsecretvalue\n}');
    let message = '';
    try {
      loadManifest(join(d, 'm.json'));
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/line 3, column \d+/);
    expect(message).not.toContain('topsecret');
  });
});
