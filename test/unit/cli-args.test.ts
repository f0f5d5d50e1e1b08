// The command line as the tables in main/cli/args/ define it: parsing, its errors, and help.
import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandName, optionsOf } from '../../main/cli/args/commands';
import { helpText } from '../../main/cli/args/help';
import { flagParts, GLOBAL_OPTIONS } from '../../main/cli/args/options';
import { parseLine } from '../../main/cli/args/parse';
import { LINE_TEXTS } from '../../main/cli/args/texts';

const run = (argv: string[]) => {
  const r = parseLine(argv);
  if (r.kind !== 'run') throw new Error(`not a run: ${JSON.stringify(r)}`);
  return r;
};
/** An invalid line: the command it was meant for and its problem in English words. */
const invalid = (argv: string[]) => {
  const r = parseLine(argv);
  if (r.kind !== 'invalid') throw new Error(`not invalid: ${JSON.stringify(r)}`);
  return { name: r.name, problem: r.problem, message: LINE_TEXTS.en.problem(r.problem) };
};

describe('the command line', () => {
  it('reads a command with its options, global options before or after it', () => {
    expect(run(['--lang', 'de', 'list', '--verify', '--json'])).toEqual({
      kind: 'run',
      name: 'list',
      options: { verify: true, json: true, lang: 'de' },
    });
    const r = run([
      'register',
      '--manifest=app.json',
      '--wawi',
      'a:5883',
      '--wawi',
      'b:5883',
      '--timeout',
      '90s',
      '--result-file',
      'out.json',
    ]);
    expect(r.options).toEqual({
      manifest: 'app.json',
      wawi: ['a:5883', 'b:5883'],
      timeout: '90s',
      resultFile: 'out.json',
      waitForDialog: true,
    });
  });

  it('--no-wait-for-dialog turns the wait off; sim has its defaults; --wawi=-x is a value', () => {
    expect(run(['register', '--no-wait-for-dialog']).options.waitForDialog).toBe(false);
    expect(run(['sim', '--db', 'a', '--db', 'b']).options).toEqual({
      port: '5883',
      host: '127.0.0.1',
      db: ['a', 'b'],
    });
    expect(run(['verify', '--wawi=-x']).options.wawi).toEqual(['-x']);
  });

  it('a trust option on a command that does not decide trust is refused with what to do instead', () => {
    expect(invalid(['list', '--allow-self-signed'])).toMatchObject({
      name: 'list',
      problem: { type: 'misplaced-trust', flag: '--allow-self-signed', commands: ['register'] },
    });
    expect(invalid(['status', '--certificate-fingerprint', 'AB:CD']).message).toMatch(
      /^--certificate-fingerprint only applies to register and trust: .*wawi-register trust --app <AppId>/,
    );
    expect(run(['trust', '--certificate-fingerprint', 'AB:CD']).options.certificateFingerprint).toBe('AB:CD');
    expect(invalid(['trust', '--allow-self-signed']).problem.type).toBe('misplaced-trust');
  });

  it('says what is wrong, in the words of the option', () => {
    expect(invalid(['frobnicate']).message).toBe("unknown command 'frobnicate'");
    // An unknown option before the command is named as such, not its value as an unknown command.
    expect(invalid(['--profile', 'x', 'list']).message).toBe("unknown option '--profile'");
    // What the line echoes cannot move the cursor or turn text around.
    const echoed = invalid(['list\u202e\u001b[2J']).message;
    expect(echoed.includes('\u202e') || echoed.includes('\u001b')).toBe(false);
    expect(invalid([]).problem).toEqual({ type: 'no-command' });
    expect(invalid(['list', '--verfy'])).toMatchObject({
      message: "unknown option '--verfy'\n(Did you mean --verify?)",
      name: 'list',
    });
    expect(invalid(['verify', '--manifest', 'x.json']).message).toBe("unknown option '--manifest'");
    expect(invalid(['register', '--wawi']).message).toBe("option '--wawi <address>' argument missing");
    // A forgotten value is not filled with the next option.
    expect(invalid(['register', '--certificate-fingerprint', '--allow-self-signed']).message).toBe(
      "option '--certificate-fingerprint <sha256>' argument missing",
    );
    expect(invalid(['list', '--verify=yes']).message).toBe("option '--verify' takes no value");
    expect(invalid(['register', '--lang', 'fr']).message).toBe(
      "option '--lang <lang>' argument 'fr' is invalid. Allowed choices are de, en.",
    );
    expect(invalid(['list', 'all']).message).toBe(
      "too many arguments for 'list'. Expected 0 arguments but got 1.",
    );
  });

  it('help and version come first; help names a command as an option or as `help <command>`', () => {
    expect(parseLine(['register', '--bogus', '--help'])).toEqual({ kind: 'help', name: 'register' });
    expect(parseLine(['help', 'verify'])).toEqual({ kind: 'help', name: 'verify' });
    expect(parseLine(['-h'])).toEqual({ kind: 'help' });
    expect(parseLine(['-V'])).toEqual({ kind: 'version' });
    expect(parseLine(['list', '--version'])).toEqual({ kind: 'version' });
    expect(invalid(['help', 'nope']).message).toBe("unknown command 'nope'");
  });
});

describe('the table', () => {
  it('every option has flags the parser understands, and no command has a flag twice', () => {
    for (const name of Object.keys(COMMANDS) as CommandName[]) {
      const longs = optionsOf(name).map((o) => flagParts(o).long);
      expect(new Set(longs).size, name).toBe(longs.length);
    }
  });
});

describe('help', () => {
  it("lists each command's visible options and the global ones, never a hidden one", () => {
    for (const name of Object.keys(COMMANDS) as CommandName[]) {
      const help = helpText(name, 'en', 100);
      for (const o of COMMANDS[name].options)
        if (o.hidden) expect(help).not.toContain(`${o.flags} `);
        else expect(help, `${name} ${o.flags}`).toContain(o.flags);
      for (const o of GLOBAL_OPTIONS) expect(help).toContain(o.flags);
    }
    expect(helpText('list', 'en')).not.toContain('--allow-self-signed');
  });

  it('the program help lists every command and fits the terminal', () => {
    const help = helpText(undefined, 'en', 80);
    for (const name of Object.keys(COMMANDS)) expect(help).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    const options = help.slice(0, help.indexOf('Exit codes'));
    for (const line of options.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(helpText('register', 'en', 80)).toContain('(default: 15m)');
  });
});

describe('in German', () => {
  it('every problem and the help have German words (the --json message stays English)', () => {
    const de = (argv: string[]) => LINE_TEXTS.de.problem(invalid(argv).problem);
    expect(de(['frobnicate'])).toBe('unbekannter Befehl „frobnicate“');
    expect(de(['list', '--verfy'])).toBe('unbekannte Option „--verfy“\n(Meinten Sie --verify?)');
    expect(de(['register', '--wawi'])).toBe('bei der Option „--wawi <address>“ fehlt der Wert');
    expect(de(['register', '--lang', 'fr'])).toBe(
      '„fr“ ist für die Option „--lang <lang>“ nicht möglich; erlaubt: de, en.',
    );
    const help = helpText(undefined, 'de', 100);
    expect(help).toContain('Aufruf: wawi-register [Optionen] [Befehl]');
    expect(help).toContain('Wawi-REST-Server auf diesem Computer suchen');
    expect(help).toMatch(/Exit-Codes: 0 ok, 1 unerwarteter Fehler, 2 Aufruf fehlerhaft/);
    expect(help).toContain('Strg+C');
    for (const name of Object.keys(COMMANDS) as CommandName[])
      for (const o of optionsOf(name)) expect(o.help.de, o.flags).not.toBe(o.help.en);
  });
});
