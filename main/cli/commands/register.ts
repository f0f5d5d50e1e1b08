// `wawi-register register`: registers the app of a manifest (or the demo app against an embedded
// simulator), prints what to look for in Wawi, waits for acceptance and stores the key.
import type { AppManifest, ManifestProblem } from '../../../shared/manifest';
import { HelperError, isLoopback, loadManifest, parseWawiAddress, type WawiServer } from '../../core/index';
import { type Ctx, flowOptions } from '../context';
import { printRecord } from '../output/follow';
import { pickByApp, pickServer } from '../pick';
import { enterChecksNow } from '../prompt';

export async function registerCommand(ctx: Ctx): Promise<number> {
  const { io, options, out } = ctx;
  if (options.demo) {
    if (!io.startSim || !io.demoManifestFile)
      throw new HelperError('invalid-input', {
        params: { reason: '--demo is not available in this build.' },
      });
    const sim = await io.startSim({ port: 0 });
    try {
      sim.setWindow('eazybusiness', true);
      out.say(out.t.demoStart(sim.adminUrl));
      return await register(ctx, loadManifest(io.demoManifestFile()), parseWawiAddress(sim.apiUrl()), true);
    } finally {
      await sim.close();
    }
  }
  if (options.anotherInstance) return anotherInstance(ctx);
  if (!options.manifest)
    throw new HelperError('invalid-input', {
      params: { reason: 'register needs --manifest <file> (or --demo).' },
    });
  const loaded = loadManifest(options.manifest);
  return register(ctx, loaded, await pickServer(ctx));
}

/**
 * register --another-instance: a further instance of a MultiInstance app registered here, named by
 * --manifest or --app (and --wawi when it is registered on several servers).
 */
async function anotherInstance(ctx: Ctx): Promise<number> {
  const { core, out, options, io } = ctx;
  const manifest = options.manifest ? loadManifest(options.manifest).manifest : undefined;
  const first = await pickByApp({ ...options, app: options.app ?? manifest?.AppId }, 'list', () =>
    core.list(),
  );
  out.say(`${out.t.server}: ${first.server.baseUrl}`);
  out.say(`${out.t.app}: ${first.displayName} (${first.appId}), ${out.t.anotherInstance}`);
  out.say(out.t.prepare);
  const enter = enterChecksNow(ctx);
  const record = await core
    .registerInstance(first.account, {
      ...flowOptions(ctx, manifest, enter.hint),
      manifest,
      // Like a first registration (and the app): the request goes out as soon as the dialog waits.
      waitForWindow: options.waitForDialog !== false,
    })
    .finally(enter.close);
  printRecord(out, io.platform, core.keychainService, record);
  out.done({
    command: 'register',
    registration: record,
    keychain: { service: core.keychainService, account: record.account },
  });
  return 0;
}

async function register(
  ctx: Ctx,
  loaded: { manifest: AppManifest; warnings: ManifestProblem[] },
  server: WawiServer,
  demo = false,
): Promise<number> {
  const { core, out, options, io } = ctx;
  const { manifest, warnings } = loaded;
  for (const w of warnings) out.say(`! ${out.t.warningsHeader}: ${w.field} ${w.message}`);
  out.say(`${out.t.server}: ${server.baseUrl}`);
  out.say(`${out.t.app}: ${manifest.DisplayName} (${manifest.AppId})`);
  const trust = {
    allowSelfSigned: options.allowSelfSigned === true,
    certificatePin: options.certificateFingerprint,
    insecureHttp: options.allowInsecureHttp === true,
  };
  if (server.protocol === 'http' && !isLoopback(server) && trust.insecureHttp)
    out.say(`! ${out.t.insecureWarning}`);
  if (!demo) out.say(out.t.prepare);
  // Starts, or goes on with the registration already pending for this app and server.
  const enter = enterChecksNow(ctx);
  const flow = flowOptions(ctx, manifest, enter.hint);
  let pinShown = false;
  const record = await core
    .register(manifest, server, {
      ...flow,
      trust,
      // As the app and rotate do: the request goes out as soon as the dialog waits (within --timeout).
      waitForWindow: options.waitForDialog !== false,
      onEvent: (e) => {
        // A certificate pinned on first use is printed once, so it can be compared with the server's.
        if (e.server.certificatePin && !pinShown) {
          pinShown = true;
          out.say(out.t.pinnedNow(e.server.certificatePin));
        }
        flow.onEvent(e);
      },
    })
    .finally(enter.close);
  let key: string | undefined;
  if (options.showKey) {
    key = await core.readKey(record.account);
    io.stderr.write(`${out.t.showKeyWarning}\n`);
  }
  printRecord(out, io.platform, core.keychainService, record);
  if (key && !out.json) io.stdout.write(`${key}\n`);
  if (demo) {
    await core.forget(record.account);
    out.say(out.t.demoCleanup);
  }
  out.done({
    command: 'register',
    registration: record,
    keychain: { service: core.keychainService, account: record.account },
    ...(key ? { apiKey: key } : {}),
    ...(demo ? { demo: true } : {}),
  });
  return 0;
}
