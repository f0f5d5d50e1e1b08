// Which server or registration a command means: --wawi, else discovery (asking on a terminal);
// --app (and --wawi) for a registration or a pending one.
import type { RegistrationRecord } from '../../shared/registration';
import {
  accountName,
  type DiscoveredServer,
  HelperError,
  hasScheme,
  notRegistered,
  parseWawiAddress,
  type WawiServer,
} from '../core/index';
import type { Ctx, Options } from './context';
import type { CliIO } from './io';
import type { Output } from './output/output';
import { ask, interactive } from './prompt';

/** Addresses discovery probes instead of the defaults (tests). */
export function candidates(env: NodeJS.ProcessEnv): string[] | undefined {
  return env.WAWI_REGISTER_CANDIDATES
    ? env.WAWI_REGISTER_CANDIDATES.split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
}

export function describeServer(out: Output, s: DiscoveredServer): string {
  const transport = s.certificate
    ? s.certificate.trusted
      ? out.t.certTrusted
      : out.t.certUntrusted(s.certificate.fingerprint)
    : out.t.plainHttp;
  return `${s.baseUrl}  (database ${s.database}, JTL-Wawi ${s.wawiVersion ?? '?'})\n     ${transport}`;
}

/** The server to use: --wawi, else the only one discovery finds, else ask (TTY) or fail with the list. */
export async function pickServer(ctx: Ctx): Promise<WawiServer> {
  const { core, out, io, options, signal } = ctx;
  const given = options.wawi ?? [];
  if (given.length > 1)
    throw new HelperError('invalid-input', { params: { reason: 'Give --wawi only once for this command.' } });
  // Without a scheme the address is probed over https and http (https wins); unanswered, as typed.
  const typed = given[0];
  if (typed)
    return hasScheme(typed)
      ? parseWawiAddress(typed)
      : core.probe(typed, signal).then(
          (s) => parseWawiAddress(s.baseUrl),
          () => parseWawiAddress(typed),
        );
  const { servers } = await core.discover({ candidates: candidates(io.env), signal });
  if (servers.length === 0) throw new HelperError('no-server-found');
  if (servers.length === 1) return parseWawiAddress(servers[0]!.baseUrl);
  if (!interactive(ctx))
    throw new HelperError('several-servers', {
      params: { servers: servers.map((s) => s.baseUrl).join(', ') },
    });
  out.say(out.t.foundServers);
  for (const [i, s] of servers.entries()) out.say(`  ${i + 1}. ${describeServer(out, s)}`);
  const chosen = servers[Number((await ask(io as CliIO, out.t.choose)).trim()) - 1];
  if (!chosen) throw new HelperError('invalid-input', { params: { reason: 'No server was chosen.' } });
  return parseWawiAddress(chosen.baseUrl);
}

/**
 * The one entry an --app (and optional --wawi) names: a registration, or a pending registration. The
 * list is loaded only once the app is named.
 */
export async function pickByApp<T extends { account: string; appId: string; server: { baseUrl: string } }>(
  options: Options,
  listCommand: 'list' | 'status',
  load: () => Promise<T[]>,
): Promise<T> {
  const appId = options.app;
  if (!appId)
    throw new HelperError('invalid-input', {
      params: { reason: `Name the app with --app <AppId> (see "wawi-register ${listCommand}").` },
    });
  const list = await load();
  const wawi = options.wawi?.[0];
  if (wawi) {
    const account = accountName(appId, parseWawiAddress(wawi));
    const r = list.find((x) => x.account === account);
    if (!r) throw notRegistered(account);
    return r;
  }
  // `<AppId>#<n>` names a further instance of a MultiInstance app; a plain AppId its first.
  const [base, n] = /^(.+)#(\d+)$/.exec(appId)?.slice(1) ?? [appId, '1'];
  const instance = (r: T) => (r as { instance?: number }).instance ?? 1;
  const matches = list.filter((r) => r.appId === base && instance(r) === Number(n));
  if (matches.length === 0)
    throw new HelperError('not-registered', { params: { appId, address: 'any server' } });
  if (matches.length > 1) {
    throw new HelperError('several-servers', {
      params: { servers: matches.map((m) => m.server.baseUrl).join(', ') },
    });
  }
  return matches[0]!;
}

/** The registration an --app (and optional --wawi) names. */
export function pickRegistration({ core, options }: Ctx): Promise<RegistrationRecord> {
  return pickByApp(options, 'list', () => core.list());
}
