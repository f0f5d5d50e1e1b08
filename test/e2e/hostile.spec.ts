// Text from outside shows as inert text on every screen it reaches, in both languages: a server's
// /info (its Mandant and version) on the server list, and names in registrations.json (an older
// helper's file, or one edited by hand) in the list of registrations. No control character, no bidi
// override or isolate reaches the page, so nothing reads reversed or breaks into a fake line.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { TEXTS } from '../../renderer/src/i18n';
import { type Harness, MANIFEST, registerDirectly, startHarness } from './harness';

let h: Harness;
test.afterEach(async () => {
  await h?.close();
});

/** Reversing, hiding and line-breaking text, as a hostile server or file would send it. */
const HOSTILE = {
  tenant: 'Shop\u202egnp.exe\u202c\r\n\u2714 Fertig\u001b[2J',
  version: '1.10\u2066.12\u2069\u009b31m.0',
  name: 'Lager\u202esync\u202c\u0007\nFake line',
  provider: 'Anbieter\u2067 GmbH\u2069\u200f',
};

/** The characters that must never reach the page: C0/C1 controls but tab and newline, and bidi marks. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Every text and attribute value on the page, in each language: none holds an unsafe character. Ends
 * in the language it started in.
 */
async function expectInert(page: Page) {
  const first = await page.locator('html').getAttribute('lang');
  for (const lang of first === 'de' ? ['de', 'en', 'de'] : ['en', 'de', 'en']) {
    if ((await page.locator('html').getAttribute('lang')) !== lang)
      await page.locator('header button.lang').click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const found = await page.evaluate((source) => {
      const unsafe = new RegExp(source);
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n.nodeValue ?? '');
      for (const el of document.body.querySelectorAll('*'))
        for (const a of el.attributes) texts.push(a.value);
      for (const f of document.querySelectorAll<HTMLInputElement>('input, textarea')) texts.push(f.value);
      return texts.filter((t) => unsafe.test(t)).map((t) => JSON.stringify(t));
    }, UNSAFE.source);
    expect(found, `unsafe text on the page (${lang})`).toEqual([]);
  }
}

test('a hostile server: its Mandant and version show inert on the server list and the review', async ({
  page,
}) => {
  const t = TEXTS.de;
  h = await startHarness({ lang: 'de', info: { tenant: HOSTILE.tenant, wawiVersion: HOSTILE.version } });
  await h.open(page);
  // What is left of each value is there, on one line, in reading order.
  await expect(page.getByRole('radio').first()).toHaveAccessibleName(
    /Mandant Shopgnp\.exe ✔ Fertig · JTL-Wawi 1\.10\.12\.0/,
  );
  await expectInert(page);
  await page.getByRole('button', { name: t.continue }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectInert(page);
});

test('names from registrations.json show inert in the list of registrations', async ({ page }) => {
  h = await startHarness({ lang: 'de', args: ['--manifest', MANIFEST, '--action', 'manage'] });
  await registerDirectly(h);
  const file = join(h.home, 'registrations.json');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  Object.assign(data.registrations[0], { displayName: HOSTILE.name, providerName: HOSTILE.provider });
  writeFileSync(file, JSON.stringify(data));
  await h.open(page);
  const row = page.getByRole('listitem', { name: 'Lagersync Fake line' });
  await expect(row).toBeVisible();
  await expectInert(page);
  await row.getByRole('button', { name: new RegExp(`^${TEXTS.de.verify}`) }).click();
  await expect(row.getByText(TEXTS.de.status.works!)).toBeVisible();
  await expectInert(page);
});
