// How a flow reaches a registration's server, and keeping what it learned about that. A registration
// whose scheme is unknown (its key was found without a connection entry) is confirmed first (https the
// OS trusts, or http to this computer) and the result kept; until then no key is sent.
import type { RegistrationRecord, ServerRef } from '../../../shared/registration';
import { HelperError, isHelperError } from '../errors';
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
    const client = sameCertificate(ctx.connect(server, record.server), record.server);
    return { server, client, ref: record.server };
  }
  const { server, conn } = await confirmUnknown(record.server, ctx.connect, signal);
  const ref = serverRef(server, record.server.wawiVersion, conn);
  await keepConnection(ctx, record.account, ref);
  ctx.deps.logger.info('connection of a rebuilt registration confirmed', {
    account: record.account,
    scheme: server.protocol,
  });
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

/**
 * A registration that trusted its https server because the OS did (no pin): a certificate the OS
 * does not trust there now is a changed certificate (perhaps an impostor), not a self-signed server
 * to trust on first use.
 */
function sameCertificate(client: WawiApi, ref: ServerRef): WawiApi {
  if (ref.certificatePin || !ref.baseUrl.startsWith('https:')) return client;
  const changed = (err: unknown) =>
    isHelperError(err) && err.code === 'tls-untrusted'
      ? new HelperError('certificate-changed', {
          params: { ...err.params, variant: 'ca' },
          cause: err,
        })
      : err;
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A) =>
      fn(...args).catch((err: unknown) => Promise.reject(changed(err)));
  return {
    detect: guard(client.detect.bind(client)),
    createRegistration: guard(client.createRegistration.bind(client)),
    createInstance: guard(client.createInstance.bind(client)),
    getRegistration: guard(client.getRegistration.bind(client)),
    checkKey: guard(client.checkKey.bind(client)),
  };
}
