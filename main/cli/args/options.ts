// The options of the wawi-register command line as data: their flags, help in each language and
// defaults; the ones several commands share and the ones every command has. ./commands.ts holds the
// commands that use them.
import { LANGS, type Lang } from '../../../shared/lang';
import { DEFAULT_PORT } from '../../../shared/wawi-address';

/** A text of the help in each language. */
export type Words = Record<Lang, string>;

export interface OptionSpec {
  /** As help and errors show it: `--wawi <address>`, `--verify`, `-V, --version`. */
  flags: string;
  help: Words;
  /** Accepted, not listed, and refused with advice: a trust option on a command that does not decide trust. */
  hidden?: boolean;
  /** May be given more than once; the values are collected in order. */
  repeat?: boolean;
  choices?: readonly string[];
  /** The value when the option is absent. */
  default?: string;
  /** The default as help shows it, where the command decides it (e.g. --timeout). */
  defaultText?: Words;
}

const example = `127.0.0.1:${DEFAULT_PORT}, http://wawi-server:${DEFAULT_PORT}/api/Mandant_2`;
export const wawi = (
  help: Words = {
    en: `the Wawi REST server, e.g. ${example}`,
    de: `der Wawi-REST-Server, z.\u00a0B. ${example}`,
  },
): OptionSpec => ({ flags: '--wawi <address>', help, repeat: true });
export const app: OptionSpec = {
  flags: '--app <AppId>',
  help: { en: 'the registered app', de: 'die registrierte App' },
};
export const timeout: OptionSpec = {
  flags: '--timeout <duration>',
  help: {
    en: 'how long to wait for acceptance or removal (e.g. 90s, 10m)',
    de: 'wie lange auf Annahme oder Entfernen gewartet wird (z.\u00a0B. 90s, 10m)',
  },
  defaultText: { en: '15m', de: '15m' },
};
export const manifest = (
  help: Words = { en: "the vendor's app manifest", de: 'das App-Manifest des Anbieters' },
): OptionSpec => ({ flags: '--manifest <file>', help });
export const selfSigned: OptionSpec = {
  flags: '--allow-self-signed',
  help: {
    en: 'trust a self-signed certificate: pins the one presented now and prints it',
    de: 'einem selbstsignierten Zertifikat vertrauen: legt das jetzt vorgelegte fest und zeigt es an',
  },
};
export const fingerprint: OptionSpec = {
  flags: '--certificate-fingerprint <sha256>',
  help: {
    en: 'accept exactly the certificate with this SHA-256 fingerprint',
    de: 'genau das Zertifikat mit diesem SHA-256-Fingerabdruck akzeptieren',
  },
};
export const insecureHttp: OptionSpec = {
  flags: '--allow-insecure-http',
  help: {
    en: 'allow plain http to another computer (unencrypted!)',
    de: 'http zu einem anderen Computer erlauben (unverschlüsselt!)',
  },
};
/**
 * The trust options on a command that does not decide trust: accepted, so that the line is refused with
 * advice (parse.ts, misplacedTrust) instead of a bare "unknown option".
 */
export const refusedTrust: OptionSpec[] = [selfSigned, fingerprint, insecureHttp].map((o) => ({
  ...o,
  hidden: true,
}));

/** Options of every command. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  {
    flags: '--json',
    help: {
      en: 'machine-readable output on stdout (one JSON document)',
      de: 'maschinenlesbare Ausgabe auf stdout (ein JSON-Dokument)',
    },
  },
  {
    flags: '--lang <lang>',
    help: { en: 'language', de: 'Sprache' },
    choices: LANGS,
    defaultText: { en: 'from the system', de: 'die des Systems' },
  },
  { flags: '--verbose', help: { en: 'log to stderr as well', de: 'das Protokoll auch auf stderr ausgeben' } },
  {
    flags: '--result-file <path>',
    help: {
      en: 'write the outcome as JSON to this file (never the key)',
      de: 'das Ergebnis als JSON in diese Datei schreiben (nie den Schlüssel)',
    },
  },
];
export const VERSION_OPTION: OptionSpec = {
  flags: '-V, --version',
  help: { en: 'print the version', de: 'die Version ausgeben' },
};
export const HELP_OPTION: OptionSpec = {
  flags: '-h, --help',
  help: { en: 'show the help of a command', de: 'die Hilfe zu einem Befehl anzeigen' },
};

/** What the flags of an option say: its names, whether it takes a value, and its key in Options. */
export function flagParts(spec: OptionSpec): {
  long: string;
  short?: string;
  takesValue: boolean;
  /** `--result-file` → resultFile; `--no-wait-for-dialog` → waitForDialog (negated). */
  key: string;
  negated: boolean;
} {
  const m = spec.flags.match(/^(?:-([A-Za-z]), )?--([a-z][a-z-]*)( <[^>]+>)?$/);
  if (!m) throw new Error(`option flags not understood: ${spec.flags}`);
  const long = m[2]!;
  const negated = long.startsWith('no-');
  const key = (negated ? long.slice(3) : long).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return { long, ...(m[1] ? { short: m[1] } : {}), takesValue: m[3] !== undefined, key, negated };
}
