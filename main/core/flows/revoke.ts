// Revoking a key: the merchant removes the app in Wawi; once the key gets 401 the keychain entry, its
// connection entry and the metadata are deleted here. A confirmation only makes revoke check at once.
import { asHelperError } from '../errors';
import { awaitRemoval, type RemovalOptions } from './await-removal';
import type { FlowContext } from './context';
import { withApp } from './entry';
import { Flow } from './flow';
import { reach } from './reach';
import { forgetHere, storedKey } from './stored';

export async function revoke(ctx: FlowContext, account: string, opts: RemovalOptions = {}): Promise<void> {
  const { record, key } = await storedKey(ctx, account);
  const flow = new Flow({ kind: 'revoke', app: record, server: record.server }, ctx.clock, opts);
  try {
    const reached = await reach(ctx, record, opts.signal);
    await awaitRemoval(ctx, flow, reached.client, { ...record, server: reached.ref }, key, {
      ...opts,
      confirmationEnds: false,
    });
    await forgetHere(ctx, account);
    ctx.deps.logger.info('key revoked and removed from this computer', { account });
    flow.to('removed', { record });
  } catch (err) {
    throw flow.end(withApp(asHelperError(err), record.appId));
  }
}
