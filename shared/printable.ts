// Text from a server (names, versions, certificate subjects) is data, not terminal commands: escape
// sequences and control characters are removed before it is printed or shown.

// ESC / CSI sequences (colours, cursor moves, OSC titles and hyperlinks), then any other C0/C1 control
// character, DEL, and the Unicode bidi overrides that can make text read differently than it is.
const SEQUENCES =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b[@-_]?/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text without escape sequences and control characters; tabs and newlines become spaces. */
export function printable(text: string): string {
  return text
    .replace(SEQUENCES, '')
    .replace(CONTROLS, '')
    .replace(/[\t\n]/g, ' ');
}

/** The same for text of several lines: newlines stay, everything else is as in `printable`. */
export function printableLines(text: string): string {
  return text
    .split('\n')
    .map((line) => printable(line))
    .join('\n');
}

/** Longest outside value kept (a name, a scope, a version): longer ones end with "…". */
export const MAX_VALUE = 200;

/**
 * One value from outside (a server's answer, a manifest) made inert where it enters: printable, on one
 * line, at most `max` characters. Whatever prints or shows it later cannot be made to print a fake
 * line, move the cursor or read backwards.
 */
export function inert(text: string, max: number = MAX_VALUE): string {
  const flat = printable(text)
    .replace(/[\u2028\u2029]/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Characters a JSON document keeps as \u escapes: controls and bidi marks stay data, not effects. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON.stringify whose output shows no control or bidi character raw (the data is unchanged). */
export function inertJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(
    JSON_UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
