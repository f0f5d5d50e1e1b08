import { describe, expect, it } from 'vitest';
import { inert, inertJson, MAX_VALUE, printable, printableLines } from '../../shared/printable';

describe('server strings are printed as text', () => {
  it.each([
    ['colours', 'JTL\u001b[31mRED\u001b[0m', 'JTLRED'],
    ['a window title (OSC)', 'a\u001b]0;pwned\u0007b', 'ab'],
    ['a hyperlink (OSC 8)', '\u001b]8;;https://evil\u001b\\click\u001b]8;;\u001b\\', 'click'],
    ['cursor moves and clear line', 'x\u001b[2K\u001b[1A\ry', 'xy'],
    ['C1 CSI', 'a\u009b31mb', 'ab'],
    ['bell, backspace, DEL', 'a\u0007\u0008\u007fb', 'ab'],
    ['bidi overrides', 'abc\u202edcba', 'abcdcba'],
    ['newlines and tabs', 'a\nb\tc', 'a b c'],
  ])('%s', (_, input, expected) => {
    expect(printable(input)).toBe(expected);
  });

  it('keeps the lines of a text, and umlauts and arrows', () => {
    expect(printableLines('Größe → ok\n\u001b[31mnext\u001b[0m')).toBe('Größe → ok\nnext');
  });
});

describe('outside values are inert where they enter', () => {
  it('one line, no controls or bidi marks, capped with an ellipsis', () => {
    expect(inert('EVIL\r\n✔ Done. Fake line')).toBe('EVIL ✔ Done. Fake line');
    expect(inert('Shop\u202egnp.exe\u202c')).toBe('Shopgnp.exe');
    expect(inert('a\u2066b\u2069c\u200fd\u061ce\u2028f')).toBe('abcde f');
    const long = inert('x'.repeat(900_000));
    expect(long).toHaveLength(MAX_VALUE);
    expect(long.endsWith('…')).toBe(true);
  });

  it('--json keeps the data and shows no control or bidi character raw', () => {
    const doc = { name: 'Shop\u202egnp', csi: 'a\u009b31mb', line: 'a\u2028b', esc: '\u001b[2J' };
    const out = inertJson(doc, 2);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(doc);
  });
});
