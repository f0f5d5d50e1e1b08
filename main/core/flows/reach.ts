// How a flow reaches a registration's server, and keeping what it learned about that. A registration
// whose scheme is unknown (its key was found without a connection entry) is confirmed first (https the
// OS trusts, or http to this computer) and the result kept; until then no key is sent.
import type { RegistrationRecord, ServerRef } from '../../../shared/registration';
import { parseWawiAddress, type WawiServer } from '../wawi/address';
import type { WawiApi } from '../wawi/client';
import { confirmUnknown, connectionEntry, serverRef } from '../wawi/connection';
import type { FlowContext } from './context';

export interface Reached {
  server: WawiServer;
  client: WawiApi;
  ref: ServerRef;
}

export async function reach(
  ctx: FlowContext,
  record: RegistrationRecord,
  signal?: AbortSignal,
): Promise<Reached> {
  if (!record.server.connectionUnknown) {
    const server = parseWawiAddress(record.server.baseUrl);
    return { server, client: ctx.connect(server, record.server), ref: record.server };
  }
  const { server, conn } = await confirmUnknown(record.server, ctx.connect, signal);
  const ref = serverRef(server, record.server.wawiVersion, conn);
  await keepConnection(ctx, record.account, ref);
  ctx.deps.logger.info('connection of a rebuilt registration confirmed', { account: record.account });
  return { server, client: ctx.connect(server, conn), ref };
}

/** Keeps how a registration's server is reached: in the keychain, and in the metadata for display. */
export async function keepConnection(ctx: FlowContext, account: string, ref: ServerRef): Promise<void> {
  await ctx.deps.vault.saveConnection(account, connectionEntry(ref));
  try {
    ctx.deps.metadata.patch(account, { server: ref });
  } catch (err) {
    ctx.deps.logger.warn('metadata could not be updated', { error: err });
  }
}
