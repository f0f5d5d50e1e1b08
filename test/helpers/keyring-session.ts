// A private Secret Service for one test: its own D-Bus session and gnome-keyring, in a temporary data
// folder, so a test can lock the keyring for real without touching the one the other tests share.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from './cli-env';
import { ROOT } from './proc';

const CLI_BUNDLE = join(ROOT, CLI);
/** Runs gnome-keyring for one command and stops it afterwards (shared with `npm test`). */
const SESSION_SCRIPT = join(ROOT, 'scripts', 'keyring-session.sh');

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface SessionRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

export class PrivateKeyring {
  readonly dataHome = mkdtempSync(join(tmpdir(), 'wawi-locked-keyring-'));

  /**
   * Runs a shell script in a fresh D-Bus session whose gnome-keyring uses this folder. `unlock`
   * starts the daemon with the password (creating or unlocking the login keyring); otherwise it starts
   * without one, as after a login that did not unlock it: the keyring stays locked.
   */
  run(script: string, opts: { unlock: boolean; env?: Record<string, string> }): Promise<SessionRun> {
    const child = spawn(
      'dbus-run-session',
      ['--', 'sh', SESSION_SCRIPT, opts.unlock ? 'unlock' : 'locked', 'sh', '-c', script],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ...opts.env,
          XDG_DATA_HOME: this.dataHome,
          XDG_RUNTIME_DIR: mkdtempSync(join(tmpdir(), 'wawi-locked-run-')),
          KEYRING_PASSWORD: 'test-password',
          DISPLAY: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })));
  }

  /** A line of shell that runs the CLI and prints its exit code as `EXIT=<n>`. */
  static cli(args: string[]): string {
    return `${quote(process.execPath)} ${quote(CLI_BUNDLE)} ${args.map(quote).join(' ')}; echo "EXIT=$?"`;
  }

  /** A line of shell that stores an item, as keytar does (attributes service and account). */
  static store(service: string, account: string, secret: string): string {
    return `printf %s ${quote(secret)} | secret-tool store --label=test service ${quote(service)} account ${quote(account)}`;
  }
}

export function privateKeyringAvailable(): boolean {
  return (
    process.platform === 'linux' &&
    spawnSync(
      'sh',
      ['-c', 'command -v dbus-run-session && command -v gnome-keyring-daemon && command -v secret-tool'],
      {
        stdio: 'ignore',
      },
    ).status === 0
  );
}
