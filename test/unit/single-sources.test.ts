// Facts written once, held together: the exit codes (ERROR_META) in the CLI's help and the README,
// Wawi's menu path and the app's button labels in every text that names them, and the Wawi ports.
// (The bridge's check of flow events is tied to the zod schema in contract.test.ts.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../renderer/src/i18n';
import { TRUST_TEXTS } from '../../renderer/src/i18n-trust';
import { ERROR_CODES } from '../../shared/errors/meta';
import { exitOutcomes } from '../../shared/errors/outcomes';
import { errorText } from '../../shared/errors/text';
import { VARIANTS } from '../../shared/errors/variants';
import { LANGS } from '../../shared/lang';
import { WAWI_BUTTONS } from '../../shared/ui-terms';
import { loopbackCandidates, WAWI_PORTS } from '../../shared/wawi-address';
import { ROOT } from '../helpers/proc';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('exit codes', () => {
  it("the CLI's help lists every exit code of ERROR_META with its outcome, in each language", async () => {
    const { parseCommandLine } = await import('../../main/cli/program');
    let help = '';
    const io = {
      stdout: { write: (s: string) => (help += s) },
      stderr: { write: (s: string) => (help += s) },
      stdin: process.stdin,
      env: {},
      platform: process.platform,
    };
    for (const lang of LANGS) {
      help = '';
      await parseCommandLine(['--help', '--lang', lang], io);
      const flat = help.replace(/\s+/g, ' ');
      for (const [exit, outcome] of exitOutcomes(lang)) expect(flat).toContain(`${exit} ${outcome}`);
    }
  });

  it("the README's table has exactly the exit codes of ERROR_META", () => {
    const readme = read('README.md');
    const table = readme.slice(
      readme.indexOf('**Exit codes**'),
      readme.indexOf('**Certified and MultiInstance'),
    );
    const listed = new Set<number>();
    for (const row of table.split('\n').filter((l) => l.startsWith('|')))
      for (const cell of row.split('|').map((c) => c.trim())) {
        const range = cell.match(/^(\d+)[–-](\d+)$/);
        if (range) for (let n = Number(range[1]); n <= Number(range[2]); n++) listed.add(n);
        else if (/^\d+$/.test(cell)) listed.add(Number(cell));
      }
    expect([...listed].sort((a, b) => a - b)).toEqual(exitOutcomes().map(([exit]) => exit));
  });
});

describe('words named in several places', () => {
  it("Wawi's menu path is written once (shared/ui-terms.ts); every text refers to MENU", () => {
    const copies = ['shared', 'main', 'renderer/src']
      .flatMap(sources)
      .filter((f) => !f.endsWith('ui-terms.ts') && read(f).includes('App-Registrierung'));
    expect(copies).toEqual([]);
  });

  it('every button the advice tells the merchant to choose exists: a label of the app or of Wawi', () => {
    const appLabels = (lang: 'de' | 'en') =>
      new Set(
        [...Object.values(TEXTS[lang]), ...Object.values(TRUST_TEXTS[lang])].filter(
          (v): v is string => typeof v === 'string',
        ),
      );
    const named = {
      en: /(?:choose|click|select) "([^"]+)"/g,
      de: /(?:wählen|klicken) Sie[^„.]{0,40}„([^“]+)“/gi,
    };
    let checked = 0;
    for (const lang of LANGS)
      for (const code of ERROR_CODES)
        for (const variant of [undefined, ...Object.keys(VARIANTS[code] ?? {})]) {
          const t = errorText({ code, ...(variant ? { params: { variant } } : {}) }, lang, 'app');
          for (const m of `${t.detail} ${t.next}`.matchAll(named[lang])) {
            checked += 1;
            const label = m[1]!;
            expect(
              appLabels(lang).has(label) || WAWI_BUTTONS.includes(label),
              `${code}/${variant ?? '-'} (${lang}) names "${label}"`,
            ).toBe(true);
          }
        }
    expect(checked).toBeGreaterThan(3);
  });

  it('discovery probes this computer on the Wawi ports, IPv4 first', () => {
    expect(WAWI_PORTS).toEqual([5883, 64110]);
    expect(loopbackCandidates()).toEqual(['127.0.0.1:5883', '127.0.0.1:64110', '[::1]:5883', '[::1]:64110']);
  });
});
