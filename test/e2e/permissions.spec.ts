// Many permissions at a glance (issue 21, defect 6): a summary line on top, the riskiest areas first
// ("every area, all data" is no longer the 2nd of 17 folded rows), a long description folded to three
// lines, and the same list on the waiting card to compare with Wawi's dialog. Behaviour in German;
// each sentence checked in both languages.
import { expect, test } from '@playwright/test';
import { TEXTS } from '../../renderer/src/i18n';
import { groupScopes, summarize } from '../../shared/scope-words';
import { ALL_SCOPES, scopeCatalog } from '../../shared/scopes';
import { demoManifestFile } from '../helpers/manifest';
import { capture, type Harness, inBothLanguages, startHarness } from './harness';

let h: Harness;
test.afterEach(async () => {
  await h?.close();
});

test('150 permissions in 17 areas: the summary first, the riskiest areas first, the description folded, Send in view', async ({
  page,
}) => {
  // One permission of each area first (all.read the 2nd, as a vendor might list them), then the rest.
  const areas = [...new Set(ALL_SCOPES.map((s) => s.split('.')[0]))];
  const firsts = areas.map((a) => ALL_SCOPES.find((s) => s.startsWith(`${a}.`))!);
  const scopes = [...new Set([firsts[0]!, 'all.read', ...firsts, ...ALL_SCOPES])].slice(0, 150);
  const description = 'Dieser Abgleich hält Lagerbestände aktuell. '.repeat(40);
  h = await startHarness({
    lang: 'de',
    args: [
      '--manifest',
      demoManifestFile({
        MandatoryApiScopes: scopes,
        OptionalApiScopes: [],
        Description: description,
        LocalizedDescriptions: [
          { LanguageIso: 'DE', Name: description },
          { LanguageIso: 'EN', Name: 'This sync keeps stock levels up to date. '.repeat(40) },
        ],
      }),
    ],
  });
  h.sim.setWindow('eazybusiness', true);
  await h.open(page);
  await page.getByRole('button', { name: TEXTS.de.continue }).click();
  const summary = (lang: 'de' | 'en') =>
    TEXTS[lang].scopeSummary(summarize(groupScopes(scopes, lang, scopeCatalog())));
  await inBothLanguages(page, async (lang) => {
    await expect(page.locator('.scope-summary').first()).toHaveText(summary(lang));
    await expect(page.locator('.scope-areas summary').first()).toContainText(
      lang === 'de' ? 'Alle Bereiche' : 'Every area',
    );
    await expect(page.getByRole('button', { name: TEXTS[lang].showMore })).toBeVisible();
  });
  await expect(page.getByRole('button', { name: TEXTS.de.send })).toBeInViewport();
  await capture(page, 'review-150-scopes');
  await page.getByRole('button', { name: TEXTS.de.showMore }).click();
  await expect(page.getByRole('button', { name: TEXTS.de.showLess })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await page.getByRole('button', { name: TEXTS.de.send }).click();
  // The same list on the waiting card, to compare with what Wawi shows.
  await expect(page.getByRole('heading', { level: 1, name: TEXTS.de.waitingTitle })).toBeVisible();
  await inBothLanguages(page, async (lang) => {
    await expect(page.locator('.request .scope-summary')).toHaveText(summary(lang));
    // Said nowhere without cause: no "shows this app twice?" with contradicting advice.
    await expect(page.getByText(lang === 'de' ? /zweimal/ : /twice/)).toHaveCount(0);
  });
});
