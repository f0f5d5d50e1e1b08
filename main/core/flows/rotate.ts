// Rotating a key, as one flow: the old key is checked, the merchant removes the app in Wawi (we wait
// until the old key gets 401 or the merchant confirms), then the app is registered again and the new
// key replaces the old one. The old key leaves the keychain only when the new one is stored over it.
import type { AppManifest } from '../../../shared/manifest';
import type { RegistrationRecord } from '../../../shared/registration';
import { asHelperError } from '../errors';
import { awaitRemoval, type RemovalOptions } from './await-removal';
import type { FlowContext } from './context';
import { withApp } from './entry';
import { Flow } from './flow';
import { firstInstanceAccount, instanceOf } from './instance';
import { reach } from './reach';
import { type InstanceOf, registerIn } from './register';
import { findPending, pollPending } from './resume';
import { lookupRecord, manifestFor, storedKey } from './stored';

export interface RotateOptions extends RemovalOptions {
  /** The manifest to register again with; default: the one kept from the first registration. */
  manifest?: AppManifest;
}

export async function rotate(
  ctx: FlowContext,
  account: string,
  opts: RotateOptions = {},
): Promise<RegistrationRecord> {
  const { record, key } = await storedKey(ctx, account);
  const flow = new Flow({ kind: 'rotate', app: record, server: record.server }, ctx.clock, opts);
  const log = ctx.deps.logger.child({ flow: 'rotate', account });
  let reached: Awaited<ReturnType<typeof reach>>;
  let manifest: AppManifest;
  let instance: InstanceOf | undefined;
  let how: 'dead' | 'confirmed';
  try {
    manifest = manifestFor(ctx, record, opts.manifest);
    await ctx.deps.vault.check();
    reached = await reach(ctx, record, opts.signal);
    how = await awaitRemoval(ctx, flow, reached.client, { ...record, server: reached.ref }, key, opts);
    log.info('old registration removed in Wawi', { how });
    // Only a 401 proves the removal; later events say which it was, so no screen claims more.
    flow.carry({ oldKeyDead: how === 'dead' });
    flow.to('sending');
    // A rotation stopped after its request went out goes on with that request.
    const pending = await findPending(ctx, account);
    if (pending) return await pollPending(ctx, flow, pending, opts);
    // A further instance gets its new key as an instance of the first registration again.
    if (record.instance)
      instance = instanceOf(await lookupRecord(ctx, firstInstanceAccount(account)), record.instance);
  } catch (err) {
    throw flow.end(withApp(asHelperError(err), record.appId));
  }
  // A removal the merchant only confirmed may not have happened yet: a 409 then waits for it (the
  // request goes out once the app is gone), instead of ending the rotation.
  return registerIn(
    ctx,
    flow,
    manifest,
    reached.server,
    { ...opts, waitForWindow: true, replaceRegistered: how === 'confirmed', instance },
    log,
  );
}
