// Runs one parsed command: language and output, Ctrl+C handling, the service, and the error as the
// user reads it (with its exit code).
import { EXIT_CODES } from '../../shared/errors/meta';
import { errorText } from '../../shared/errors/text';
import type { Lang } from '../../shared/lang';
import { printableLines } from '../../shared/printable';
import { launchResult } from '../../shared/result';
import { asHelperError, createCore, FlowControl, writeResultFile } from '../core/index';
import type { CommandName } from './args/commands';
import type { Ctx, Options } from './context';
import type { CliIO } from './io';
import { Output } from './output/output';
import { systemLang } from './output/texts';

type Run = (ctx: Ctx) => Promise<number>;

/** Each command's code, loaded when it runs. */
const COMMANDS: Record<Exclude<CommandName, 'sim'>, () => Promise<Run>> = {
  discover: () => import('./commands/discover').then((m) => m.discoverCommand),
  register: () => import('./commands/register').then((m) => m.registerCommand),
  'check-manifest': () => import('./commands/check-manifest').then((m) => m.checkManifestCommand),
  status: () => import('./commands/pending').then((m) => m.statusCommand),
  resume: () => import('./commands/pending').then((m) => m.resumeCommand),
  discard: () => import('./commands/pending').then((m) => m.discardCommand),
  list: () => import('./commands/list').then((m) => m.listCommand),
  verify: () => import('./commands/list').then((m) => m.verifyCommand),
  rotate: () => import('./commands/manage').then((m) => m.rotateCommand),
  revoke: () => import('./commands/manage').then((m) => m.revokeCommand),
  trust: () => import('./commands/trust').then((m) => m.trustCommand),
};

export async function runCommand(name: CommandName, options: Options, io: CliIO): Promise<number> {
  const lang: Lang = (options.lang as Lang | undefined) ?? systemLang(io.env);
  const out = new Output(io, options.json === true, lang);
  const control = new FlowControl();
  let warned = false;
  io.onInterrupt?.(() => {
    // When stopping would lose an accepted key (the core says when), the first Ctrl+C only warns.
    if (control.cancelLosesKey() && !warned) {
      warned = true;
      out.say(out.t.giveUpWarning);
      return;
    }
    control.cancel();
  });
  let code: number;
  try {
    if (name === 'sim') return await (await import('./commands/sim')).simCommand({ io, out, options });
    const run = await COMMANDS[name]();
    const { core } = createCore({
      verbose: options.verbose,
      env: io.env,
      ...(io.keychain ? { keychain: io.keychain.backend, keychainGuard: io.keychain.guard } : {}),
    });
    code = await run({ core, out, io, options, signal: control.signal, control });
  } catch (err) {
    code = out.fail(asHelperError(err));
  } finally {
    out.stopSpinner();
  }
  if (options.resultFile) saveResult(options.resultFile, name, code, out, io);
  return code;
}

/**
 * --result-file: the outcome for a script, written for success and every failure. When it cannot be
 * written, stderr says so and the exit code stays the command's (what happened, happened).
 */
function saveResult(path: string, action: string, code: number, out: Output, io: CliIO) {
  const failure = out.failure;
  const outcome =
    code === 0 ? 'ok' : (failure?.code ?? (code === EXIT_CODES.usage ? 'invalid-input' : 'internal'));
  try {
    writeResultFile(
      path,
      launchResult({
        outcome,
        action,
        at: new Date(),
        ...(failure?.params?.appId ? { appId: failure.params.appId } : {}),
        record: code === 0 ? out.registration : undefined,
        error: failure,
        lang: out.lang,
        surface: 'cli',
      }),
    );
  } catch (err) {
    const text = errorText(asHelperError(err), out.lang);
    io.stderr.write(`${printableLines(`! ${text.title}: ${text.detail}`)}\n`);
  }
}
