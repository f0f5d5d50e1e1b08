// The help of wawi-register and of each command, from the table in ./spec.ts, wrapped to the
// terminal's width.
import { exitOutcomes } from '../../../shared/errors/meta';
import {
  COMMANDS,
  type CommandName,
  GLOBAL_OPTIONS,
  HELP_OPTION,
  type OptionSpec,
  optionsOf,
  VERSION_OPTION,
} from './spec';

const PROGRAM = 'wawi-register';
const ABOUT = 'Connect an app to JTL-Wawi; the API key is kept in the OS keychain.';

/** The exit codes, from the one table (shared/errors/meta.ts), wrapped for a terminal. */
function exitHelp(): string {
  const items = exitOutcomes().map(([exit, outcome]) => `${exit} ${outcome}`);
  const lines = ['Exit codes:'];
  for (const item of items) {
    const last = lines.length - 1;
    if (`${lines[last]} ${item},`.length > 100) lines.push(`${item},`);
    else lines[last] = `${lines[last]} ${item},`;
  }
  lines[lines.length - 1] = lines[lines.length - 1]!.replace(/,$/, '.');
  return lines.join('\n');
}

const CTRL_C = `Ctrl+C stops waiting; a request that is still waiting in JTL-Wawi is kept, and "resume" collects
its key later. While an accepted key waits for a locked keychain, Ctrl+C first only warns.`;

function describe(o: OptionSpec): string {
  const notes = [
    ...(o.default !== undefined ? [`default: ${o.default}`] : []),
    ...(o.defaultText !== undefined ? [`default: ${o.defaultText}`] : []),
    ...(o.choices ? [`choices: ${o.choices.join(', ')}`] : []),
  ];
  return notes.length ? `${o.help} (${notes.join('; ')})` : o.help;
}

type Rows = [string, string][];

/** Sections of two columns: terms padded to the longest of the page, descriptions wrapped beside. */
function sections(list: [string, Rows][], width: number): string[] {
  const pad = Math.max(...list.flatMap(([, rows]) => rows.map(([term]) => term.length))) + 2;
  return list.flatMap(([title, rows]) => [title, ...items(rows, pad, width), '']);
}

function items(rows: Rows, pad: number, width: number): string[] {
  const room = width - 2 - pad;
  return rows.map(([term, text]) => {
    const lines = room >= 40 ? wrap(text, room) : [text];
    return lines.map((l, i) => `  ${(i === 0 ? term : '').padEnd(pad)}${l}`.trimEnd()).join('\n');
  });
}

function wrap(text: string, room: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${line} ${word}`.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

const visible = (options: readonly OptionSpec[]): Rows =>
  options.filter((o) => !o.hidden).map((o) => [o.flags, describe(o)]);

/** The help of the program (no name) or of one command. `width`: the terminal's columns. */
export function helpText(name: CommandName | undefined, width = 80): string {
  const w = Math.max(60, Math.min(width, 120));
  if (!name) {
    const commands = Object.entries(COMMANDS).map(([n, c]): [string, string] => [
      `${n}${c.options.some((o) => !o.hidden) ? ' [options]' : ''}`,
      c.description,
    ]);
    return [
      `Usage: ${PROGRAM} [options] [command]`,
      '',
      ABOUT,
      '',
      ...sections(
        [
          ['Options:', visible([...GLOBAL_OPTIONS, VERSION_OPTION, HELP_OPTION])],
          ['Commands:', [...commands, ['help [command]', 'show the help of a command']]],
        ],
        w,
      ),
      exitHelp(),
      '',
      CTRL_C,
      '',
    ].join('\n');
  }
  const own = optionsOf(name).filter((o) => !GLOBAL_OPTIONS.includes(o) && o !== VERSION_OPTION);
  return [
    `Usage: ${PROGRAM} ${name} [options]`,
    '',
    COMMANDS[name].description,
    '',
    ...sections(
      [
        ['Options:', visible(own)],
        ['Options of every command:', visible(GLOBAL_OPTIONS)],
      ],
      w,
    ),
  ].join('\n');
}
