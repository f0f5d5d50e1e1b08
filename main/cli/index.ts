// Entry point of the wawi-register CLI (dist/main/cli/wawi-register.mjs and its chunks). The simulator is a
// bundle of its own (dist/tools/wawi-sim/sim.cjs), loaded only for `sim` and `register --demo`.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli';

type SimModule = typeof import('../../tools/wawi-sim/index');
const loadSim = (): SimModule =>
  createRequire(import.meta.url)(fileURLToPath(new URL('../../tools/wawi-sim/sim.cjs', import.meta.url)));

// A reader that stops early (`| head`) ends the output, not the process with an error.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });

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
  startSim: (options) => loadSim().startWawiSim(options),
  demoManifestFile: () => fileURLToPath(loadSim().DEMO_MANIFEST),
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
