// A registration stored on this computer: its record and key, and forgetting it here. Forgetting is
// best effort past the key: without the key, a leftover connection entry or record is never used, and
// every read drops records whose key is gone.
import type { AppManifest } from '../../../shared/manifest';
import type { RegistrationRecord } from '../../../shared/registration';
import { HelperError, notRegistered } from '../errors';
import type { FlowContext } from './context';
import { removeServiceCopy } from './service-copy';

/** The registration of an account on this computer, or not-registered. */
export async function lookupRecord(ctx: FlowContext, account: string): Promise<RegistrationRecord> {
  const record = (await ctx.deps.metadata.load()).registrations.find((r) => r.account === account);
  if (!record) throw notRegistered(account);
  return record;
}

/** The record and its key, or not-registered. */
export async function storedKey(
  ctx: FlowContext,
  account: string,
): Promise<{ record: RegistrationRecord; key: string }> {
  const record = await lookupRecord(ctx, account);
  const key = await ctx.deps.vault.get(account);
  if (!key) throw notRegistered(account);
  return { record, key };
}

/** Deletes the key here, then a service's copy of it, the connection entry and the record. */
export async function forgetHere(ctx: FlowContext, account: string): Promise<boolean> {
  const deleted = await ctx.deps.vault.delete(account);
  await removeServiceCopy(ctx, account, ctx.deps.logger);
  try {
    await ctx.deps.vault.deleteConnection(account);
  } catch (err) {
    ctx.deps.logger.warn('the connection entry could not be deleted', { error: err });
  }
  try {
    ctx.deps.metadata.remove(account);
  } catch (err) {
    ctx.deps.logger.warn('metadata could not be updated; it is corrected on the next read', { error: err });
  }
  return deleted;
}

/**
 * The manifest a registration is registered again with (rotation, a further instance): the one given,
 * else the one kept from its registration; manifest-invalid saying what is missing or wrong.
 */
export function manifestFor(ctx: FlowContext, record: RegistrationRecord, given?: AppManifest): AppManifest {
  const manifest = given ?? ctx.deps.metadata.manifest(record.account);
  if (!manifest) {
    throw new HelperError('manifest-invalid', { params: { variant: 'not-kept', appId: record.appId } });
  }
  if (manifest.AppId !== record.appId) {
    throw new HelperError('manifest-invalid', {
      params: { variant: 'other-app', manifestApp: manifest.AppId, appId: record.appId },
    });
  }
  return manifest;
}
