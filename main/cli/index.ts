// Entry point of the wawi-register CLI bundle (dist/main/cli/wawi-register.cjs).

import type { AppManifest } from '../../shared/manifest';
import demoIcon from '../../test/fixtures/demo-app/icon.png';
import demoManifestFile from '../../test/fixtures/demo-app/manifest.json' with { type: 'json' };
import { startWawiSim } from '../../test/wawi-sim/sim';
import { runCli } from './cli';

// Ctrl+C goes to the command (it stops waiting, or warns before an accepted key would be lost); a third
// press ends the process at once, whatever it is doing.
let interrupted = 0;
const cancels: (() => void)[] = [];
process.on('SIGINT', () => {
  interrupted += 1;
  if (interrupted > 2) process.exit(130);
  for (const c of cancels) c();
});

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  platform: process.platform,
  onInterrupt: (cancel) => cancels.push(cancel),
  startSim: (options) => startWawiSim(options),
  demoManifest: () => {
    const { AppIconFile: _file, ...rest } = demoManifestFile as Record<string, unknown>;
    return { ...rest, AppIcon: demoIcon } as AppManifest;
  },
}).then(
  (code) => {
    process.exitCode = code;
    // Let stdout drain, then leave even if a keep-alive socket lingers.
    setTimeout(() => process.exit(code), 50).unref();
  },
  (err: unknown) => {
    process.stderr.write(`Unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
