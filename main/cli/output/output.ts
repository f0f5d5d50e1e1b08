// How the CLI speaks: progress to stderr (a spinner on a terminal, plain lines otherwise), results to
// stdout, or exactly one JSON document with --json. Text from a server is printed without escape
// sequences or control characters.
import { EXIT_CODES } from '../../../shared/errors/meta';
import { errorText, type TextableError } from '../../../shared/errors/text';
import type { Lang } from '../../../shared/lang';
import { inertJson, printable, printableLines } from '../../../shared/printable';
import type { RegistrationRecord } from '../../../shared/registration';
import { formatClock } from '../../../shared/time';
import type { HelperError } from '../../core/index';
import type { CliIO } from '../io';
import { TEXTS } from './texts';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export class Output {
  private spinnerTimer?: NodeJS.Timeout;
  private spinnerText = '';
  private frame = 0;
  private lastLine = 0;
  private clock: (now: number) => string = () => '';
  /** What the result document (--result-file) reports: the last registration shown and the failure. */
  registration?: RegistrationRecord;
  failure?: TextableError;

  constructor(
    private readonly io: CliIO,
    readonly json: boolean,
    readonly lang: Lang,
  ) {}

  get t() {
    return TEXTS[this.lang];
  }

  private get tty() {
    return !this.json && this.io.stderr.isTTY === true;
  }

  /** Human progress goes to stderr, so stdout carries only results (and --json). */
  say(line: string) {
    if (this.json) return;
    this.stopSpinner();
    this.io.stderr.write(`${printableLines(line)}\n`);
  }

  result(line: string) {
    if (this.json) return;
    this.stopSpinner();
    this.io.stdout.write(`${printableLines(line)}\n`);
  }

  /** A wait's line: what it waits for, the time since `startedAt` and, when it has one, the time left. */
  progress(text: string, startedAt: number, endsAt?: number) {
    if (this.json) return;
    this.clock = (now) =>
      `${formatClock(now - startedAt)}${endsAt !== undefined ? `, ${this.t.timeLeft(formatClock(Math.max(0, endsAt - now)))}` : ''}`;
    if (this.tty) {
      this.spinnerText = text;
      if (!this.spinnerTimer) {
        this.spinnerTimer = setInterval(() => {
          this.frame = (this.frame + 1) % FRAMES.length;
          this.io.stderr.write(
            `\r\x1b[2K${FRAMES[this.frame]} ${printable(this.spinnerText)} ${this.clock(Date.now())}`,
          );
        }, 100);
        this.spinnerTimer.unref();
      }
      return;
    }
    // Plain lines: on change, and every 10 s while it lasts.
    const now = Date.now();
    if (text !== this.spinnerText || now - this.lastLine >= 10_000) {
      this.spinnerText = text;
      this.lastLine = now;
      this.io.stderr.write(`${printable(text)} (${this.clock(now)})\n`);
    }
  }

  stopSpinner() {
    if (this.spinnerTimer) {
      clearInterval(this.spinnerTimer);
      this.spinnerTimer = undefined;
      this.io.stderr.write('\r\x1b[2K');
    }
  }

  done(doc: Record<string, unknown>) {
    this.document({ ok: true, ...doc });
  }

  /** The one --json document of a command. */
  document(doc: Record<string, unknown>) {
    this.stopSpinner();
    if (isRecord(doc.registration)) this.registration = doc.registration;
    if (this.json) this.io.stdout.write(`${inertJson(doc, 2)}\n`);
  }

  fail(err: HelperError): number {
    this.stopSpinner();
    this.failure ??= err;
    const exitCode = EXIT_CODES[err.code];
    const text = errorText(err, this.lang);
    if (this.json) {
      this.document({ ok: false, exitCode, error: describeError(err, this.lang) });
    } else {
      this.io.stderr.write(
        printableLines(
          `\n✖ ${text.title}\n  ${text.detail}\n  ${this.t.next}: ${text.next}\n${
            text.technical ? `  (${text.technical})\n` : ''
          }`,
        ),
      );
    }
    return exitCode;
  }
}

/** An error as --json shows it: code, status, params and its texts. */
export function describeError(err: HelperError, lang: Lang) {
  const text = errorText(err, lang);
  return {
    ...err.toJSON(),
    title: text.title,
    detail: text.detail,
    next: text.next,
    ...(text.technical ? { technical: text.technical } : {}),
  };
}

function isRecord(value: unknown): value is RegistrationRecord {
  return typeof value === 'object' && value !== null && 'account' in value && 'fingerprint' in value;
}
