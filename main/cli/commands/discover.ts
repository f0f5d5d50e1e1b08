// `wawi-register discover`: the Wawi REST servers on this computer (and at every --wawi), with how each
// is reached (certificate trusted, not trusted with its fingerprint, or plain http).
import { EXIT_CODES } from '../../../shared/errors/meta';
import type { Ctx } from '../context';
import { candidates, describeServer } from '../pick';

export async function discoverCommand({ core, out, io, options, signal }: Ctx): Promise<number> {
  const result = await core.discover({ candidates: candidates(io.env), extra: options.wawi ?? [], signal });
  out.done({ servers: result.servers, other: result.other });
  if (result.servers.length === 0) out.result(out.t.noServers);
  else {
    out.result(out.t.foundServers);
    for (const [i, s] of result.servers.entries()) out.result(`  ${i + 1}. ${describeServer(out, s)}`);
  }
  if (result.other.length) {
    out.result(out.t.otherAnswers);
    for (const o of result.other) out.result(`  ${o.address}: ${o.reason}`);
  }
  return result.servers.length ? 0 : EXIT_CODES['no-server-found'];
}
