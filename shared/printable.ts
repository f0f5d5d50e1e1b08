// Text from a server (names, versions, certificate subjects) is data, not terminal commands: escape
// sequences and control characters are removed before it is printed or shown.

// ESC / CSI sequences (colours, cursor moves, OSC titles and hyperlinks), then any other C0/C1 control
// character, DEL, and the Unicode bidi overrides that can make text read differently than it is.
const SEQUENCES =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b[@-_]?/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

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
