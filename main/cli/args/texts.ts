// What the command line says about itself, in German and English: the help's headings and why a line
// is not valid. The --json document keeps the English wording (scripts read it); stderr speaks the
// user's language (--lang, else the system's).
import type { Lang } from '../../../shared/lang';

/** Why a command line is not valid (./parse.ts finds it; the words are here). */
export type LineProblem =
  | { type: 'no-command' }
  | { type: 'unknown-command'; command: string }
  | { type: 'unknown-option'; option: string; suggestion?: string }
  | { type: 'missing-value'; flags: string }
  | { type: 'takes-no-value'; flags: string }
  | { type: 'not-a-choice'; flags: string; value: string; choices: readonly string[] }
  | { type: 'too-many-arguments'; command: string; extra: number }
  | { type: 'misplaced-trust'; flag: string; commands: string[] };

interface Texts {
  problem(p: LineProblem): string;
  error: string;
  hintProgram: string;
  hintCommand: (command: string) => string;
  usage: string;
  about: string;
  options: string;
  commands: string;
  everyCommand: string;
  helpCommand: string;
  /** What follows a name in a usage line: `[options]`, `[command]`. */
  optionsWord: string;
  commandWord: string;
  exitCodes: string;
  ctrlC: string;
  defaultIs: string;
  choices: string;
}

const en: Texts = {
  problem: (p) => {
    switch (p.type) {
      case 'no-command':
        return 'No command given.';
      case 'unknown-command':
        return `unknown command '${p.command}'`;
      case 'unknown-option':
        return `unknown option '${p.option}'${p.suggestion ? `\n(Did you mean ${p.suggestion}?)` : ''}`;
      case 'missing-value':
        return `option '${p.flags}' argument missing`;
      case 'takes-no-value':
        return `option '${p.flags}' takes no value`;
      case 'not-a-choice':
        return `option '${p.flags}' argument '${p.value}' is invalid. Allowed choices are ${p.choices.join(', ')}.`;
      case 'too-many-arguments':
        return `too many arguments for '${p.command}'. Expected 0 arguments but got ${p.extra}.`;
      case 'misplaced-trust':
        return `${p.flag} only applies to ${p.commands.join(' and ')}: a registration keeps the trust it was made with. To trust a renewed certificate or plain http for a registered app, run "wawi-register trust --app <AppId>".`;
    }
  },
  error: 'error',
  hintProgram: '(wawi-register --help lists the commands and options)',
  hintCommand: (command) => `(wawi-register ${command} --help lists its options)`,
  usage: 'Usage',
  about: 'Connect an app to JTL-Wawi; the API key is kept in the OS keychain.',
  options: 'Options',
  commands: 'Commands',
  everyCommand: 'Options of every command',
  helpCommand: 'show the help of a command',
  optionsWord: '[options]',
  commandWord: '[command]',
  exitCodes: 'Exit codes',
  ctrlC: `Ctrl+C stops waiting; a request that is still waiting in JTL-Wawi is kept, and "resume" collects
its key later. While an accepted key waits for a locked keychain, Ctrl+C first only warns.`,
  defaultIs: 'default',
  choices: 'choices',
};

const de: Texts = {
  problem: (p) => {
    switch (p.type) {
      case 'no-command':
        return 'Kein Befehl angegeben.';
      case 'unknown-command':
        return `unbekannter Befehl „${p.command}“`;
      case 'unknown-option':
        return `unbekannte Option „${p.option}“${p.suggestion ? `\n(Meinten Sie ${p.suggestion}?)` : ''}`;
      case 'missing-value':
        return `bei der Option „${p.flags}“ fehlt der Wert`;
      case 'takes-no-value':
        return `die Option „${p.flags}“ nimmt keinen Wert an`;
      case 'not-a-choice':
        return `„${p.value}“ ist für die Option „${p.flags}“ nicht möglich; erlaubt: ${p.choices.join(', ')}.`;
      case 'too-many-arguments':
        return `der Befehl „${p.command}“ erwartet keine weiteren Angaben (${p.extra} zu viel).`;
      case 'misplaced-trust':
        return `${p.flag} gilt nur für ${p.commands.join(' und ')}: Eine Registrierung behält das Vertrauen, mit dem sie angelegt wurde. Um einem erneuerten Zertifikat oder unverschlüsseltem http für eine registrierte App zu vertrauen, führen Sie „wawi-register trust --app <AppId>“ aus.`;
    }
  },
  error: 'Fehler',
  hintProgram: '(wawi-register --help zeigt die Befehle und Optionen)',
  hintCommand: (command) => `(wawi-register ${command} --help zeigt seine Optionen)`,
  usage: 'Aufruf',
  about: 'Verbindet eine App mit JTL-Wawi; der Schlüssel bleibt im Schlüsselspeicher des Systems.',
  options: 'Optionen',
  commands: 'Befehle',
  everyCommand: 'Optionen aller Befehle',
  helpCommand: 'die Hilfe zu einem Befehl anzeigen',
  optionsWord: '[Optionen]',
  commandWord: '[Befehl]',
  exitCodes: 'Exit-Codes',
  ctrlC: `Strg+C beendet das Warten; eine Anfrage, die in JTL-Wawi noch wartet, bleibt erhalten, und „resume“
holt ihren Schlüssel später ab. Wartet ein angenommener Schlüssel auf einen gesperrten
Schlüsselspeicher, warnt Strg+C zuerst nur.`,
  defaultIs: 'Standard',
  choices: 'möglich',
};

export const LINE_TEXTS: Record<Lang, Texts> = { en, de };
