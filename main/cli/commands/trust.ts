// `wawi-register trust`: trusting a registered server again, as an explicit act. It shows the
// fingerprint trusted so far and the one presented now, and saves the new trust only on a "yes"
// (typed on a terminal) or a --certificate-fingerprint that matches what the server presents.
import { formatDateTime } from '../../../shared/time';
import { HelperError } from '../../core/index';
import type { Ctx } from '../context';
import { pickRegistration } from '../pick';
import { ask, interactive } from '../prompt';

export async function trustCommand(ctx: Ctx): Promise<number> {
  const { core, out, io, options, signal } = ctx;
  const record = await pickRegistration(ctx);
  const check = await core.checkTrust(record.account, signal);
  out.say(out.t.trustServer(check.baseUrl));
  out.say(
    check.pinned
      ? out.t.trustPinned(check.pinned)
      : record.server.connectionUnknown
        ? out.t.trustUnknown
        : out.t.trustByOs,
  );
  if (check.presented) {
    const p = check.presented;
    const until = Number.isNaN(Date.parse(p.validTo)) ? p.validTo : formatDateTime(p.validTo, out.lang);
    out.say(out.t.trustPresented(p.fingerprint, p.subject, until));
  } else out.say(out.t.trustPlain);

  const given = options.certificateFingerprint;
  const consent = options.allowInsecureHttp === true;
  if (check.needs === 'nothing' && !given && !consent) {
    out.result(out.t.trustNothing);
    out.done({ command: 'trust', account: record.account, changed: false, check });
    return 0;
  }
  let decision: { certificatePin?: string; insecureHttp?: boolean };
  if (check.presented) {
    if (given) decision = { certificatePin: given };
    else if (interactive(ctx)) {
      out.say(out.t.trustCompare);
      const answer = (await ask(io, out.t.trustAsk)).trim().toLowerCase();
      if (answer !== 'yes' && answer !== 'ja') throw new HelperError('cancelled');
      decision = { certificatePin: check.presented.fingerprint };
    } else {
      throw new HelperError('invalid-input', {
        params: {
          reason:
            'Compare the fingerprint shown with the certificate on the Wawi server, then give it with --certificate-fingerprint <SHA-256>.',
        },
      });
    }
  } else {
    if (!consent)
      throw new HelperError('insecure-http', { params: { address: check.baseUrl, appId: record.appId } });
    out.say(`! ${out.t.insecureWarning}`);
    decision = { insecureHttp: true };
  }
  const server = await core.trust(record.account, decision, signal);
  out.result(out.t.trustDone(server.baseUrl));
  out.done({
    command: 'trust',
    account: record.account,
    changed: true,
    before: check.pinned ?? null,
    server,
  });
  return 0;
}
