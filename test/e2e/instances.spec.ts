// MultiInstance apps in the browser: a further instance from the list (its own key, its own row), and
// from the "already registered" failure. Texts come from the renderer's and the error texts.
import { expect, test } from '@playwright/test';
import { parseWawiAddress } from '../../main/core/index';
import { TEXTS } from '../../renderer/src/i18n';
import { errorText } from '../../shared/errors/text';
import { demoManifest } from '../helpers/core';
import { demoManifestFile } from '../helpers/manifest';
import { capture, type Harness, startHarness } from './harness';

let h: Harness;
test.afterEach(async () => {
  await h?.close();
});

/** The merchant accepts whatever shows up in the Wawi dialog, which is open. */
function merchantAccepts(harness: Harness) {
  harness.sim.setWindow('eazybusiness', true);
  const t = setInterval(() => {
    const p = harness.sim.pending()[0];
    if (p) harness.sim.accept(p.id);
  }, 30);
  return () => clearInterval(t);
}

// The behaviour once, in German; capture() leaves each screen in both languages.
test.describe('in German', () => {
  const lang = 'de' as const;
  test(`another instance from the list (${lang}): its own key, shown as instance 2`, async ({ page }) => {
    const t = TEXTS[lang];
    h = await startHarness({
      lang,
      args: ['--manifest', demoManifestFile({ RegistrationType: 1 }), '--action', 'manage'],
    });
    const stop = merchantAccepts(h);
    try {
      await h.core.register({ ...demoManifest(), RegistrationType: 1 }, parseWawiAddress(h.sim.apiUrl()));
      h.sim.setWindow('eazybusiness', true);
      await h.open(page);
      const row = page.getByRole('listitem', { name: 'Lagerbestand Sync (Demo)' });
      await expect(row).toBeVisible();
      await capture(page, `manage-multi-instance`);
      await row.getByRole('button', { name: `${t.addInstance}: Lagerbestand Sync (Demo)` }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.doneTitle);
    } finally {
      stop();
    }
    const list = await h.core.list();
    expect(list.map((r) => r.instance ?? 1).sort()).toEqual([1, 2]);
    await page.getByRole('button', { name: t.manage }).click();
    await expect(
      page.getByRole('heading', { name: `Lagerbestand Sync (Demo) · ${t.instance(2)}` }),
    ).toBeVisible();
    // A further instance offers no "another instance" of its own.
    await expect(page.getByRole('button', { name: new RegExp(t.addInstance) })).toHaveCount(1);
  });
});

test('registering again answers "already registered": another instance is offered there and works', async ({
  page,
}) => {
  const t = TEXTS.en;
  h = await startHarness({ lang: 'en', args: ['--manifest', demoManifestFile({ RegistrationType: 1 })] });
  const stop = merchantAccepts(h);
  try {
    await h.core.register({ ...demoManifest(), RegistrationType: 1 }, parseWawiAddress(h.sim.apiUrl()));
  } finally {
    stop();
  }
  h.sim.setWindow('eazybusiness', true);
  await h.open(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.connectTitle);
  await page.getByRole('button', { name: t.continue }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.reviewTitle);
  await page.getByRole('button', { name: t.send }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    errorText({ code: 'already-registered' }, 'en', 'app').title,
  );
  const again = page.getByRole('button', { name: t.addInstance });
  await expect(again).toBeVisible();
  await capture(page, 'failure-409-another-instance');
  const accept = merchantAccepts(h);
  try {
    await again.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.doneTitle);
  } finally {
    accept();
  }
  expect((await h.core.list()).map((r) => r.instance ?? 1).sort()).toEqual([1, 2]);
});
