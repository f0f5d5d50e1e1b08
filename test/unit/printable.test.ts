import { describe, expect, it } from 'vitest';
import { printable, printableLines } from '../../shared/printable';

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
