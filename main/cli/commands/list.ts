// `wawi-register list` and `verify`: the registrations on this computer, and checking a key.
import { EXIT_CODES, verifyErrorCode } from '../../../shared/errors/meta';
import { errorText } from '../../../shared/errors/text';
import type { Ctx } from '../context';
import { serviceKeyLine } from '../output/service-key-texts';
import { pickRegistration } from '../pick';

export async function listCommand({ core, out, options, signal }: Ctx): Promise<number> {
  const list = await core.list({ verify: options.verify === true, signal });
  out.done({ command: 'list', registrations: list });
  if (!list.length) out.result(out.t.noRegistrations);
  else {
    out.result(out.t.listHeader);
    for (const r of list) {
      const status = out.t.status[r.lastVerifyResult ?? 'unknown'] ?? r.lastVerifyResult;
      out.result(
        `  ${r.displayName} (${r.appId}${r.instance ? `, ${out.t.instance(r.instance)}` : ''})\n    ${r.server.baseUrl}  ·  ${status}  ·  key ${r.fingerprint}…  ·  ${r.grantedScopes.join(', ') || out.t.none}`,
      );
      const copy = serviceKeyLine(out.lang, r.serviceKey);
      if (copy) out.result(`    ${copy}`);
    }
  }
  return 0;
}

export async function verifyCommand(ctx: Ctx): Promise<number> {
  const { core, out, signal } = ctx;
  const r = await pickRegistration(ctx);
  const { record, result } = await core.verify(r.account, signal);
  const code = verifyErrorCode(result);
  // The --json document agrees with the exit code: a key Wawi refuses is no success.
  if (code) {
    out.failure = { code, params: { address: record.server.baseUrl, appId: record.appId } };
    out.document({ ok: false, exitCode: EXIT_CODES[code], command: 'verify', registration: record, result });
  } else out.done({ command: 'verify', registration: record, result });
  out.result(
    out.t.verifyResult(`${record.displayName} (${record.server.baseUrl})`, out.t.status[result] ?? result),
  );
  const copy = serviceKeyLine(out.lang, record.serviceKey);
  if (copy) out.result(`  ${copy}`);
  if (!code) return 0;
  if (!out.json) {
    const text = errorText({ code, params: { address: record.server.baseUrl } }, out.lang);
    out.say(`  ${text.detail}\n  ${out.t.next}: ${text.next}`);
  }
  return EXIT_CODES[code];
}
