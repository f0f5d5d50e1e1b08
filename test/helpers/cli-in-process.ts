// The CLI run in this process through runCli(argv, io), as index.ts runs it, with its streams captured
// and, unless a test gives none, a keychain in memory: no process start, no Secret Service. Tests of the
// real binary and the real keychain spawn it (test/helpers/proc.ts).
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../main/cli/cli';
import type { CliIO } from '../../main/cli/io';
import { MemoryKeychain } from '../../main/core/store/memory-keychain';
import { DEMO_MANIFEST, startWawiSim } from '../../tools/wawi-sim/index';

export interface InProcessRun {
  code: Promise<number>;
  /** stdout and stderr as they came. */
  output(): string;
  stdout(): string;
  /** Ctrl+C, as the process's SIGINT handler passes it on. */
  interrupt(): void;
  /** Resolves once `re` matches the output so far. */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
}

/** A CLI of one test: its environment and its own keychain in memory (`keychain`, or one given). */
export function inProcessCli(env: () => Record<string, string>, keychain = new MemoryKeychain()) {
  function start(args: string[], extraEnv: Record<string, string> = {}, input = ''): InProcessRun {
    let out = '';
    let stdout = '';
    const cancels: (() => void)[] = [];
    const io: CliIO = {
      stdout: {
        write: (s: string) => {
          stdout += s;
          out += s;
        },
      },
      stderr: {
        write: (s: string) => {
          out += s;
        },
      },
      stdin: Readable.from(input ? [input] : []),
      env: { ...process.env, ...env(), ...extraEnv },
      platform: process.platform,
      onInterrupt: (cancel) => cancels.push(cancel),
      startSim: (options) => startWawiSim(options),
      demoManifestFile: () => fileURLToPath(DEMO_MANIFEST),
      keychain: { backend: () => keychain, guard: async () => ({ state: 'unlocked' }) },
    };
    const code = runCli(args, io);
    return {
      code,
      output: () => out,
      stdout: () => stdout,
      interrupt: () => {
        for (const c of cancels) c();
      },
      async waitFor(re, timeoutMs = 10_000) {
        const end = Date.now() + timeoutMs;
        for (;;) {
          const m = out.match(re);
          if (m) return m;
          if (Date.now() > end) throw new Error(`Timed out waiting for ${re}; output so far:\n${out}`);
          await new Promise((r) => setTimeout(r, 10));
        }
      },
    };
  }
  /** Runs a command to its end: its exit code and output. */
  async function run(args: string[], extraEnv: Record<string, string> = {}, input?: string) {
    const p = start(args, extraEnv, input);
    const code = await p.code;
    return { code, output: p.output(), stdout: p.stdout() };
  }
  return { keychain, start, run };
}
