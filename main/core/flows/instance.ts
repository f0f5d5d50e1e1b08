// A further instance of a MultiInstance app (RegistrationType 1) that is registered here for that
// server: POST /authentication/{id} with the first instance's request id, then polling and storing as
// for a first registration. Each instance's key has its own keychain account, `<AppId>#<n>@…`.
import type { AppManifest } from '../../../shared/manifest';
import type { RegistrationRecord } from '../../../shared/registration';
import { asHelperError, HelperError } from '../errors';
import { accountName, parseAccountName, parseWawiAddress } from '../wawi/address';
import { serverRef } from '../wawi/connection';
import type { FlowContext } from './context';
import { withApp } from './entry';
import { Flow } from './flow';
import { type InstanceOf, type RegisterOptions, registerIn, saveManifestQuietly } from './register';
import { continuePending } from './resume';
import { lookupRecord, manifestFor } from './stored';

export const MULTI_INSTANCE = 1;

/** The first instance's account of any instance's account. */
export function firstInstanceAccount(account: string): string {
  const parts = parseAccountName(account);
  return parts ? accountName(parts.appId, parts) : account;
}

/** Refuses, before anything is sent, an app its manifest does not declare MultiInstance. */
function multiInstanceManifest(
  ctx: FlowContext,
  record: RegistrationRecord,
  given?: AppManifest,
): AppManifest {
  const manifest = manifestFor(ctx, record, given);
  if (manifest.RegistrationType !== MULTI_INSTANCE)
    throw new HelperError('instance-not-allowed', { params: { appId: record.appId } });
  return manifest;
}

/** What a further instance of this first registration is asked for with. */
export function instanceOf(first: RegistrationRecord, number: number): InstanceOf {
  if (!first.requestId)
    throw new HelperError('instance-not-allowed', {
      params: { appId: first.appId, variant: 'unknown-first' },
    });
  return { number, requestId: first.requestId, account: first.account };
}

export async function registerInstance(
  ctx: FlowContext,
  account: string,
  opts: RegisterOptions & { manifest?: AppManifest } = {},
): Promise<RegistrationRecord> {
  const first = await lookupRecord(ctx, firstInstanceAccount(account));
  const server = parseWawiAddress(first.server.baseUrl);
  const log = ctx.deps.logger.child({ flow: 'instance', account: first.account });
  const mine = (p: { appId: string; account: string }) =>
    p.appId === first.appId && firstInstanceAccount(p.account) === first.account;
  // An instance asked for before and not decided yet is gone on with, not asked for twice.
  const waiting = (await ctx.deps.vault.listPending()).find((p) => mine(p) && p.instance);
  if (waiting) return continuePending(ctx, waiting, opts);
  const flow = new Flow({ kind: 'register', app: first, server: serverRef(server) }, ctx.clock, opts);
  let instance: InstanceOf;
  let manifest: AppManifest;
  try {
    manifest = multiInstanceManifest(ctx, first, opts.manifest);
    const taken = (await ctx.deps.metadata.load()).registrations.filter(mine).map((r) => r.instance ?? 1);
    instance = instanceOf(first, Math.max(1, ...taken) + 1);
    saveManifestQuietly(ctx, accountName(first.appId, server, instance.number), manifest, log);
  } catch (err) {
    throw flow.end(withApp(asHelperError(err), first.appId));
  }
  log.info('asking for another instance', { instance: instance.number });
  return registerIn(ctx, flow, manifest, server, { ...opts, instance }, log);
}
