// The pending registrations: `status` shows them as Wawi shows the request, `resume` goes on with all
// of them at once, `discard` drops one here.
import { EXIT_CODES } from '../../../shared/errors/meta';
import { formatDateTime } from '../../../shared/time';
import { type Ctx, flowOptions } from '../context';
import { printRecord } from '../output/follow';
import { describeError } from '../output/output';
import { pickByApp } from '../pick';
import { enterChecksNow } from '../prompt';

export async function statusCommand({ core, out }: Ctx): Promise<number> {
  const pending = await core.pending();
  out.done({ command: 'status', pending });
  if (!pending.length) out.result(out.t.noPending);
  else {
    out.result(out.t.pendingHeader);
    for (const p of pending) {
      out.result(
        `  ${p.displayName} (${p.appId}), ${p.providerName}, ${out.t.version} ${p.appVersion}\n    → ${p.server.baseUrl}, ${formatDateTime(p.sentAt ?? p.startedAt, out.lang)}`,
      );
      out.result(`    ${p.requestConfirmed ? out.t.pendingConfirmed : out.t.pendingUnconfirmed(p.appId)}`);
    }
  }
  return 0;
}

export async function resumeCommand(ctx: Ctx): Promise<number> {
  const { core, out, io } = ctx;
  const enter = enterChecksNow(ctx);
  const results = await core.resumeAll(flowOptions(ctx, undefined, enter.hint)).finally(enter.close);
  if (!results.length) {
    out.result(out.t.noPending);
    out.done({ command: 'resume', results: [] });
    return 0;
  }
  // The first failure decides the exit code, and --json says the same.
  const failed = results.find((r) => r.error)?.error;
  for (const r of results) {
    if (r.result) printRecord(out, io.platform, core.keychainService, r.result);
    else if (r.error && !out.json) out.fail(r.error);
  }
  const doc = {
    command: 'resume',
    results: results.map((r) => ({
      account: r.pending.account,
      ok: r.result !== undefined,
      ...(r.result ? { registration: r.result } : {}),
      ...(r.error ? { error: describeError(r.error, out.lang) } : {}),
    })),
  };
  if (!failed) {
    out.done(doc);
    return 0;
  }
  const exitCode = EXIT_CODES[failed.code];
  out.failure = failed;
  if (out.json) out.document({ ok: false, exitCode, ...doc });
  return exitCode;
}

export async function discardCommand({ core, out, options }: Ctx): Promise<number> {
  const p = await pickByApp(options, 'status', () => core.pending());
  await core.discard(p.account);
  out.result(`✔ ${out.t.discarded(p.displayName, p.server.baseUrl, p.requestConfirmed)}`);
  out.done({ command: 'discard', account: p.account });
  return 0;
}
