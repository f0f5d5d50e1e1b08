// Reads a wawi-register command line against the tables in ./commands.ts and ./options.ts: which
// command, its options, or why the line is not valid. Node's own parseArgs splits the line; the checks
// are ours. Nothing is printed here.
import { parseArgs } from 'node:util';
import { editDistance } from '../../../shared/edit-distance';
import { inert } from '../../../shared/printable';
import type { Options } from '../context';
import { COMMANDS, type CommandName, isCommandName, optionsOf } from './commands';
import { flagParts, GLOBAL_OPTIONS, HELP_OPTION, type OptionSpec, VERSION_OPTION } from './options';
import type { LineProblem } from './texts';

export type ParsedLine =
  | { kind: 'run'; name: CommandName; options: Options }
  | { kind: 'help'; name?: CommandName }
  | { kind: 'version' }
  /** Not valid: why, and the command it was meant for. */
  | { kind: 'invalid'; problem: LineProblem; name?: CommandName };

const ALL: OptionSpec[] = [
  ...GLOBAL_OPTIONS,
  VERSION_OPTION,
  HELP_OPTION,
  ...Object.values(COMMANDS).flatMap((c) => c.options),
];

/** parseArgs' description of every option any command knows, so that values are told from commands. */
const CONFIG = Object.fromEntries(
  ALL.map((o) => {
    const f = flagParts(o);
    return [f.long, { type: f.takesValue ? 'string' : 'boolean', ...(f.short ? { short: f.short } : {}) }];
  }),
) as Record<string, { type: 'string' | 'boolean'; short?: string }>;

export function parseLine(argv: readonly string[]): ParsedLine {
  const { tokens } = parseArgs({
    args: [...argv],
    options: CONFIG,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const positionals = tokens.flatMap((t) => (t.kind === 'positional' ? [t.value] : []));
  const first = positionals[0];
  const asHelp = first === 'help';
  const name = asHelp ? positionals[1] : first;
  // An option no command knows, before the command: its value would be taken for the command.
  const before = tokens.find((t) => t.kind === 'positional' || (t.kind === 'option' && !CONFIG[t.name]));
  if (before?.kind === 'option')
    return { kind: 'invalid', problem: unknownOption(before.rawName, optionMap(undefined)) };
  if (name !== undefined && !isCommandName(name))
    return { kind: 'invalid', problem: { type: 'unknown-command', command: inert(name) } };
  // Help and version come first, as they do in other tools: `register --bogus --help` shows the help.
  const given = (spec: OptionSpec) =>
    tokens.some((t) => t.kind === 'option' && t.name === flagParts(spec).long);
  if (asHelp || given(HELP_OPTION)) return { kind: 'help', ...at(name) };
  if (given(VERSION_OPTION)) return { kind: 'version' };
  const known = optionMap(name);

  const values = new Map<OptionSpec, string[] | true>();
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const spec = known.get(t.name);
    if (!spec) return { kind: 'invalid', problem: unknownOption(t.rawName, known), ...at(name) };
    if (!flagParts(spec).takesValue) {
      if (t.value !== undefined)
        return { kind: 'invalid', problem: { type: 'takes-no-value', flags: spec.flags }, ...at(name) };
      values.set(spec, true);
      continue;
    }
    // A value that looks like an option is taken for a forgotten value (`--wawi --json`); written
    // as --wawi=-x it is a value.
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('-')))
      return { kind: 'invalid', problem: { type: 'missing-value', flags: spec.flags }, ...at(name) };
    if (spec.choices && !spec.choices.includes(t.value))
      return {
        kind: 'invalid',
        problem: { type: 'not-a-choice', flags: spec.flags, value: inert(t.value), choices: spec.choices },
        ...at(name),
      };
    const earlier = values.get(spec);
    values.set(spec, spec.repeat && Array.isArray(earlier) ? [...earlier, t.value] : [t.value]);
  }

  if (name === undefined) return { kind: 'invalid', problem: { type: 'no-command' } };
  const extra = positionals.length - 1;
  if (extra > 0)
    return { kind: 'invalid', problem: { type: 'too-many-arguments', command: name, extra }, name };
  const misplaced = misplacedTrust(values.keys());
  if (misplaced) return { kind: 'invalid', problem: misplaced, name };
  return { kind: 'run', name, options: optionValues(optionsOf(name), values) };
}

/**
 * A hidden option is a trust option the command refuses (./options.ts, refusedTrust): the problem names
 * the commands that list it, where it applies instead.
 */
function misplacedTrust(given: Iterable<OptionSpec>): LineProblem | undefined {
  for (const spec of given) {
    if (!spec.hidden) continue;
    const { long } = flagParts(spec);
    const commands = Object.entries(COMMANDS)
      .filter(([, c]) => c.options.some((o) => !o.hidden && flagParts(o).long === long))
      .map(([n]) => n);
    return { type: 'misplaced-trust', flag: `--${long}`, commands };
  }
  return undefined;
}

const at = (name: CommandName | undefined) => (name ? { name } : {});
const optionMap = (name: CommandName | undefined) =>
  new Map(optionsOf(name).map((o) => [flagParts(o).long, o]));

function optionValues(specs: OptionSpec[], values: Map<OptionSpec, string[] | true>): Options {
  const out: Record<string, unknown> = {};
  for (const spec of specs) {
    const { key, negated } = flagParts(spec);
    const v = values.get(spec);
    if (negated) out[key] = v === undefined;
    else if (v === true) out[key] = true;
    else if (v) out[key] = spec.repeat ? v : v[0];
    else if (spec.default !== undefined) out[key] = spec.default;
  }
  return out as Options;
}

/** "unknown option", with the closest option of the command when one is a typo away. */
function unknownOption(raw: string, known: Map<string, OptionSpec>): LineProblem {
  const typed = raw.replace(/^--?/, '');
  let best: string | undefined;
  let bestDistance = 3;
  for (const [long, spec] of known) {
    if (spec.hidden) continue;
    const d = editDistance(typed, long);
    if (d < bestDistance) [best, bestDistance] = [long, d];
  }
  return {
    type: 'unknown-option',
    option: inert(raw),
    ...(raw.startsWith('--') && best ? { suggestion: `--${best}` } : {}),
  };
}
