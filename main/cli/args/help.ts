// The help of wawi-register and of each command, in German or English, from the tables in
// ./commands.ts and ./options.ts, wrapped to the terminal's width.
import { exitOutcomes } from '../../../shared/errors/outcomes';
import type { Lang } from '../../../shared/lang';
import { COMMANDS, type CommandName, optionsOf } from './commands';
import { GLOBAL_OPTIONS, HELP_OPTION, type OptionSpec, VERSION_OPTION } from './options';
import { LINE_TEXTS } from './texts';

const PROGRAM = 'wawi-register';

/** The exit codes, from the one table (shared/errors/meta.ts), wrapped for a terminal. */
function exitHelp(lang: Lang, width: number): string {
  const items = exitOutcomes(lang).map(([exit, outcome]) => `${exit} ${outcome}`);
  const lines = [`${LINE_TEXTS[lang].exitCodes}:`];
  for (const item of items) {
    const last = lines.length - 1;
    if (`${lines[last]} ${item},`.length > width) lines.push(`${item},`);
    else lines[last] = `${lines[last]} ${item},`;
  }
  lines[lines.length - 1] = lines[lines.length - 1]!.replace(/,$/, '.');
  return lines.join('\n');
}

function describe(o: OptionSpec, lang: Lang): string {
  const t = LINE_TEXTS[lang];
  const notes = [
    ...(o.default !== undefined ? [`${t.defaultIs}: ${o.default}`] : []),
    ...(o.defaultText !== undefined ? [`${t.defaultIs}: ${o.defaultText[lang]}`] : []),
    ...(o.choices ? [`${t.choices}: ${o.choices.join(', ')}`] : []),
  ];
  return notes.length ? `${o.help[lang]} (${notes.join('; ')})` : o.help[lang];
}

type Rows = [string, string][];

/** Sections of two columns: terms padded to the longest of the page, descriptions wrapped beside. */
function sections(list: [string, Rows][], width: number): string[] {
  const pad = Math.max(...list.flatMap(([, rows]) => rows.map(([term]) => term.length))) + 2;
  return list.flatMap(([title, rows]) => [`${title}:`, ...items(rows, pad, width), '']);
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

const visible = (options: readonly OptionSpec[], lang: Lang): Rows =>
  options.filter((o) => !o.hidden).map((o) => [o.flags, describe(o, lang)]);

/** The help of the program (no name) or of one command. `width`: the terminal's columns. */
export function helpText(name: CommandName | undefined, lang: Lang, width = 80): string {
  const w = Math.max(60, Math.min(width, 120));
  const t = LINE_TEXTS[lang];
  if (!name) {
    const commands = Object.entries(COMMANDS).map(([n, c]): [string, string] => [
      `${n}${c.options.some((o) => !o.hidden) ? ` ${t.optionsWord}` : ''}`,
      c.description[lang],
    ]);
    return [
      `${t.usage}: ${PROGRAM} ${t.optionsWord} ${t.commandWord}`,
      '',
      t.about,
      '',
      ...sections(
        [
          [t.options, visible([...GLOBAL_OPTIONS, VERSION_OPTION, HELP_OPTION], lang)],
          [t.commands, [...commands, [`help ${t.commandWord}`, t.helpCommand]]],
        ],
        w,
      ),
      exitHelp(lang, w),
      '',
      t.ctrlC,
      '',
    ].join('\n');
  }
  const own = optionsOf(name).filter((o) => !GLOBAL_OPTIONS.includes(o) && o !== VERSION_OPTION);
  return [
    `${t.usage}: ${PROGRAM} ${name} ${t.optionsWord}`,
    '',
    COMMANDS[name].description[lang],
    '',
    ...sections(
      [
        [t.options, visible(own, lang)],
        [t.everyCommand, visible(GLOBAL_OPTIONS, lang)],
      ],
      w,
    ),
  ].join('\n');
}
