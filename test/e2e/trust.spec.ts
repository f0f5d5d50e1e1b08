// The trust screens in Chromium: a self-signed https Wawi (compare the fingerprint, trust it, register,
// pinned), plain http to another computer (warned, explicit consent), and a renewed certificate of a
// registered server (old and new side by side, trusted again explicitly), in both languages, axe clean.
import { expect, test } from '@playwright/test';
import { TEXTS } from '../../renderer/src/i18n';
import { TRUST_TEXTS } from '../../renderer/src/i18n-trust';
import { errorText } from '../../shared/errors/text';
import { makeCertificate } from '../helpers/certs';
import {
  capture,
  type Harness,
  inBothLanguages,
  MANIFEST,
  registerDirectly,
  screen,
  startHarness,
} from './harness';

let h: Harness;
test.afterEach(async () => {
  await h?.close();
});

const certificate = makeCertificate();

// The behaviour once, in German; capture() leaves each screen in both languages.
test.describe('in German', () => {
  const lang = 'de' as const;
  const t = TEXTS[lang];
  const tt = TRUST_TEXTS[lang];

  test(`a self-signed https Wawi (${lang}): compare, trust, register, pinned`, async ({ page }) => {
    h = await startHarness({ lang, tls: certificate });
    h.sim.setWindow('eazybusiness', true);
    await h.open(page);
    await screen(page, t.connectTitle, `trust-connect`);
    await expect(page.getByText(tt.serverUntrusted)).toBeVisible();
    await page.getByRole('button', { name: t.continue }).click();

    await screen(page, tt.trustTitle, `trust-certificate`);
    // The fingerprint is shown in full, readable in groups, with how to compare it.
    await expect(page.locator('.fingerprint')).toHaveText(certificate.fingerprint);
    await expect(page.getByText('CN=127.0.0.1')).toBeVisible();
    // How to compare, without a command line (certutil hashes a Base64 .cer wrongly), in both languages.
    await inBothLanguages(page, async (l) => {
      await expect(page.getByText(TRUST_TEXTS[l].compareSteps[1]!)).toBeVisible();
      await expect(page.getByText(/certutil|PowerShell|-hashfile/)).toHaveCount(0);
    });
    await page.setViewportSize({ width: 640, height: 560 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByRole('button', { name: tt.trustConfirm }).click();

    await screen(page, t.reviewTitle, `trust-review`);
    await page.getByRole('button', { name: t.send }).click();
    await expect.poll(() => h.sim.pending().length, { timeout: 5000 }).toBe(1);
    h.sim.accept(h.sim.pending()[0]!.id);
    await screen(page, t.doneTitle, `trust-done`);
    const [record] = await h.core.list();
    expect(record?.server.certificatePin).toBe(certificate.fingerprint);
    expect(record?.lastVerifyResult).toBe('works');
  });

  test(`plain http to another computer (${lang}): warned, and only on an explicit choice`, async ({
    page,
  }) => {
    // [::ffff:127.0.0.1] reaches the simulator here, but is not this computer's name to the helper.
    h = await startHarness({ lang, candidates: (sim) => [`http://[::ffff:127.0.0.1]:${sim.port}`] });
    h.sim.setWindow('eazybusiness', true);
    await h.open(page);
    await expect(page.getByText(tt.serverPlain, { exact: true })).toBeVisible();
    await page.getByRole('button', { name: t.continue }).click();

    await screen(page, tt.insecureTitle, `insecure-http`);
    for (const risk of tt.insecureRisks) await expect(page.getByText(risk)).toBeVisible();
    // The recommended way out is the primary button; going back offers the address field again.
    await page.getByRole('button', { name: tt.httpsInstead }).click();
    await screen(page, t.connectTitle, `insecure-back`);
    await page.getByRole('button', { name: t.continue }).click();
    await page.getByRole('button', { name: tt.insecureConfirm }).click();

    await screen(page, t.reviewTitle, `insecure-review`);
    await page.getByRole('button', { name: t.send }).click();
    await expect.poll(() => h.sim.pending().length, { timeout: 5000 }).toBe(1);
    h.sim.accept(h.sim.pending()[0]!.id);
    await screen(page, t.doneTitle, `insecure-done`);
    const [record] = await h.core.list();
    expect(record?.server.insecureHttp).toBe(true);
  });
});

// The behaviour once, in English; capture() leaves each screen in both languages.
test.describe('in English', () => {
  const lang = 'en' as const;
  const t = TEXTS[lang];
  const tt = TRUST_TEXTS[lang];
  test(`a renewed certificate (${lang}): the check fails, old and new side by side, trusted again explicitly`, async ({
    page,
  }) => {
    h = await startHarness({ lang, tls: certificate, args: ['--manifest', MANIFEST, '--action', 'manage'] });
    const record = await registerDirectly(h, { trust: { certificatePin: certificate.fingerprint } });
    // This computer pinned another certificate than the one the server presents now (it was renewed).
    const before = `${'AB:'.repeat(31)}AB`;
    await h.vault.saveConnection(record.account, {
      v: 1,
      baseUrl: record.server.baseUrl,
      certificatePin: before,
    });
    await h.open(page);
    const row = page.getByRole('listitem', { name: 'Lagerbestand Sync (Demo)' });
    await row.getByRole('button', { name: new RegExp(`^${t.verify}`) }).click();
    await expect(page.getByRole('alert')).toContainText(
      errorText({ code: 'certificate-changed' }, lang, 'app').title,
    );
    const panel = page.getByRole('region', { name: tt.retrustTitle });
    await expect(panel.locator('.fingerprint').first()).toHaveText(before);
    await expect(panel.locator('.fingerprint').last()).toHaveText(certificate.fingerprint);
    await capture(page, `retrust`);
    await panel.getByRole('button', { name: tt.retrustConfirm }).click();
    await expect(page.getByRole('status').first()).toHaveText(tt.retrusted);
    await row.getByRole('button', { name: new RegExp(`^${t.verify}`) }).click();
    await expect(row.getByText(t.status.works!)).toBeVisible();
    expect((await h.vault.connections()).get(record.account)?.certificatePin).toBe(certificate.fingerprint);
  });
});
