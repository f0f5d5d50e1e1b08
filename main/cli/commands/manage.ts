// `wawi-register rotate` and `revoke`: the merchant removes the app in Wawi; the helper waits until the
// old key stops working (or Enter says so), then registers again (rotate) or deletes the key (revoke).
import { keychainName } from '../../../shared/errors/text';
import { loadManifest } from '../../core/index';
import { type Ctx, flowOptions } from '../context';
import { printRecord } from '../output/follow';
import { pickRegistration } from '../pick';
import { enterConfirms } from '../prompt';

export async function rotateCommand(ctx: Ctx): Promise<number> {
  const { core, out, options, io } = ctx;
  const r = await pickRegistration(ctx);
  const given = options.manifest ? loadManifest(options.manifest).manifest : undefined;
  // Before the merchant removes anything: the manifest to register again with must be at hand.
  const manifest = await core.rotationManifest(r.account, given);
  out.say(out.t.removeInWawi(r.displayName));
  const { confirmation, close } = enterConfirms(ctx);
  try {
    const record = await core.rotate(r.account, { ...flowOptions(ctx, manifest), manifest, confirmation });
    printRecord(out, io.platform, core.keychainService, record, out.t.rotated);
    out.done({ command: 'rotate', registration: record });
    return 0;
  } finally {
    close();
  }
}

export async function revokeCommand(ctx: Ctx): Promise<number> {
  const { core, out, io, options } = ctx;
  const r = await pickRegistration(ctx);
  if (options.localOnly) {
    await core.forget(r.account);
    out.result(`✔ ${out.t.forgotten}`);
    out.done({ command: 'revoke', localOnly: true, account: r.account, registration: r });
    return 0;
  }
  out.say(out.t.removeInWawi(r.displayName));
  // Enter makes the helper check at once (over plain http the key is only sent then).
  const { confirmation, close } = enterConfirms(ctx);
  try {
    await core.revoke(r.account, { ...flowOptions(ctx), confirmation });
  } finally {
    close();
  }
  out.result(`✔ ${out.t.revoked(keychainName(io.platform, out.lang))}`);
  out.done({ command: 'revoke', localOnly: false, account: r.account, registration: r });
  return 0;
}
