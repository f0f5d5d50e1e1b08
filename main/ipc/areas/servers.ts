// Finding and checking Wawi servers. Main remembers what it saw at each address in this session, so
// the app can register only at a probed address and trust only the certificate main saw there.
import type { DiscoveredServer } from '../../../shared/registration';
import { asHelperError, HelperError } from '../../core/index';
import type { HandlerTable } from '../dispatcher';
import type { HandlerDeps } from '../types';

/** An error for a probed address without its details (reason, certificate): only what kind it is. */
function coarse(err: HelperError, address: string): HelperError {
  if (err.code === 'invalid-address') return err;
  const code = err.code === 'tls-untrusted' || err.code === 'unreachable' ? err.code : 'bad-response';
  const params: Record<string, string> = { address: address.slice(0, 120) };
  if (code === 'bad-response') params.reason = 'no JTL-Wawi answers there';
  // A server answers, but not for that Mandant (the one in the typed address): said so, at the field.
  if (err.code === 'bad-response' && err.params?.variant === 'no-api' && err.params.mandant) {
    params.variant = 'no-api';
    params.mandant = err.params.mandant.slice(0, 120);
  }
  return new HelperError(code, { params });
}

export class ProbedServers {
  private readonly seen = new Map<string, DiscoveredServer>();

  remember(s: DiscoveredServer): DiscoveredServer {
    this.seen.set(s.baseUrl, s);
    return s;
  }

  /** What main saw at this base URL in this session, or a refusal. */
  at(baseUrl: string): DiscoveredServer {
    const seen = this.seen.get(baseUrl);
    if (!seen)
      throw new HelperError('invalid-input', {
        params: { reason: 'This address was not checked in this session; search or check it first.' },
      });
    return seen;
  }
}

export function serverHandlers(
  deps: HandlerDeps,
  probed: ProbedServers,
): Pick<HandlerTable, 'servers:discover' | 'servers:check'> {
  return {
    'servers:discover': async () => {
      const result = await deps.core.discover({
        candidates: deps.discoveryCandidates,
        extra: deps.launch.wawi ? [deps.launch.wawi] : [],
      });
      for (const s of result.servers) probed.remember(s);
      return result;
    },
    'servers:check': async ({ address }) => {
      try {
        return { server: probed.remember(await deps.core.probe(address)) };
      } catch (err) {
        // The renderer may probe any address it likes: it learns whether a Wawi answers, not why not.
        throw coarse(asHelperError(err), address);
      }
    },
  };
}
