// An app that runs as a Windows service (manifest ServiceAccount), registered on this Linux machine: the
// done screen and the list say that only Windows has service accounts, that the key is stored here, and
// what to do. Texts come from the renderer's.
import { expect, test } from '@playwright/test';
import { TEXTS } from '../../renderer/src/i18n';
import { demoManifestFile } from '../helpers/manifest';
import { capture, type Harness, sendFromReview, startHarness } from './harness';

let h: Harness;
test.afterEach(async () => {
  await h?.close();
});

test('a service app registered off Windows (de): done, and the copy for the service refused in plain words', async ({
  page,
}) => {
  const t = TEXTS.de;
  const account = 'NT SERVICE\\LagerSync';
  h = await startHarness({ lang: 'de', args: ['--manifest', demoManifestFile({ ServiceAccount: account })] });
  await sendFromReview(h, page, 'de');
  h.sim.accept(h.sim.pending()[0]!.id);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.doneTitle);
  const refused = page.locator('p', { hasText: t.serviceKey['not-windows'](account, '') });
  await expect(refused).toBeVisible();
  await expect(refused).toHaveClass(/warn/);
  // The key check ran as always: the copy's refusal cost the registration nothing.
  await expect(page.getByText(t.verifiedWorks)).toBeVisible();
  await capture(page, '4-done-service-app');

  await page.getByRole('button', { name: t.manage }).click();
  const row = page.getByRole('listitem', { name: 'Lagerbestand Sync (Demo)' });
  await expect(row.getByText(t.colService, { exact: true })).toBeVisible();
  await expect(row.getByText(account, { exact: true })).toBeVisible();
  await expect(row.getByText(t.serviceKey['not-windows'](account, ''))).toBeVisible();
  await capture(page, 'manage-service-app');
  const [record] = await h.core.list();
  expect(record?.serviceKey).toEqual({ account, state: 'not-windows' });
});
