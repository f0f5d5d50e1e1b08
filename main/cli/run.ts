// Runs one parsed command: language and output, Ctrl+C handling, the service, and the error as the
// user reads it (with its exit code).
import type { Lang } from '../../shared/lang';
import { asHelperError, createCore } from '../core/index';
import type { Ctx, Options } from './context';
import type { CliIO } from './io';
import type { LiveState } from './output/follow';
import { Output } from './output/output';
import { systemLang } from './output/texts';
import type { CommandName } from './program';

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
  const controller = new AbortController();
  const giveUp = new AbortController();
  const live: LiveState = {};
  io.onInterrupt?.(() => {
    // An accepted key that waits for the keychain is lost when we stop: warn first, give up on the
    // second press. Anything else stops at once (a waiting request stays pending).
    if (live.keyWaiting && !live.warned) {
      live.warned = true;
      out.say(out.t.giveUpWarning);
      return;
    }
    if (live.keyWaiting) giveUp.abort();
    controller.abort();
  });
  try {
    if (name === 'sim') return await (await import('./commands/sim')).simCommand({ io, out, options });
    const run = await COMMANDS[name]();
    const { core } = createCore({
      verbose: options.verbose,
      env: io.env,
      ...(io.keychain ? { keychain: io.keychain.backend, keychainGuard: io.keychain.guard } : {}),
    });
    return await run({ core, out, io, options, signal: controller.signal, giveUp: giveUp.signal, live });
  } catch (err) {
    return out.fail(asHelperError(err));
  } finally {
    out.stopSpinner();
  }
}
