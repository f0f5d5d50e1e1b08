// A Secret Service of one test process's own: a private D-Bus session bus and an unlocked gnome-keyring
// on it, used by this process (keytar) and every process it starts. The crash trials need it (killing a
// client at the wrong moment can make gnome-keyring-daemon itself exit, and that must not take the
// keychain away from the rest of the suite), and so do the browser-test workers (two processes
// deleting and listing on one daemon can crash libsecret). Here the daemon is started again on the same keyring (what
// was stored stays stored), and the restarts are counted. The bus has no service activation, so a
// missing daemon is an error instead of a silently started, locked one.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PASSWORD = 'wawi-crash-trials';

function busConfig(dir: string): string {
  const file = join(dir, 'bus.conf');
  writeFileSync(
    file,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
  );
  return file;
}

export class PrivateKeyring {
  /** How often the daemon had to be started again after it exited. */
  restarts = 0;
  private daemon?: ChildProcess;
  private constructor(
    private readonly bus: ChildProcess,
    readonly env: { DBUS_SESSION_BUS_ADDRESS: string; XDG_RUNTIME_DIR: string; XDG_DATA_HOME: string },
    private readonly dirs: string[],
  ) {}

  static async start(): Promise<PrivateKeyring> {
    const busDir = mkdtempSync(join(tmpdir(), 'wawi-bus-'));
    const runtime = mkdtempSync(join(tmpdir(), 'wawi-keyring-run-'));
    const data = mkdtempSync(join(tmpdir(), 'wawi-keyring-data-'));
    const bus = spawn('dbus-daemon', ['--config-file', busConfig(busDir), '--nofork', '--print-address=1'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const address = await new Promise<string>((resolve, reject) => {
      let out = '';
      bus.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      bus.once('exit', () => reject(new Error('dbus-daemon did not start')));
    });
    // A process that crashes runs no exit handler: a watchdog ends the bus once this process is gone,
    // and gnome-keyring-daemon exits with its bus.
    spawn(
      'sh',
      ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill ${bus.pid} 2>/dev/null`],
      {
        detached: true,
        stdio: 'ignore',
      },
    ).unref();
    const keyring = new PrivateKeyring(
      bus,
      { DBUS_SESSION_BUS_ADDRESS: address, XDG_RUNTIME_DIR: runtime, XDG_DATA_HOME: data },
      [busDir, runtime, data],
    );
    await keyring.startDaemon();
    return keyring;
  }

  /** Makes this process (keytar) and the processes it starts use this keyring. */
  activateInThisProcess() {
    Object.assign(process.env, this.env);
  }

  private owned(): boolean {
    const r = spawnSync(
      'dbus-send',
      [
        '--session',
        '--print-reply=literal',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        'string:org.freedesktop.secrets',
      ],
      { env: { ...process.env, ...this.env }, encoding: 'utf8' },
    );
    return r.stdout.includes('true');
  }

  private async startDaemon() {
    const daemon = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
      env: { ...process.env, ...this.env },
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    daemon.stdin!.end(PASSWORD);
    this.daemon = daemon;
    for (let i = 0; i < 250 && !this.owned(); i++) await new Promise((r) => setTimeout(r, 20));
    if (!this.owned()) throw new Error('gnome-keyring did not start its Secret Service');
  }

  /** Starts the daemon again if it exited; true when it had to. */
  async ensureRunning(): Promise<boolean> {
    if (this.daemon && this.daemon.exitCode === null && this.daemon.signalCode === null && this.owned())
      return false;
    this.daemon?.kill();
    this.restarts += 1;
    await this.startDaemon();
    return true;
  }

  /**
   * The Secret Service restarts under its clients: the daemon is killed and a new one started on the same
   * keyring, unlocked (as D-Bus activation or a new desktop session would).
   */
  async restartDaemon(): Promise<void> {
    const old = this.daemon;
    if (old && old.exitCode === null && old.signalCode === null) {
      const gone = new Promise((r) => old.once('exit', r));
      old.kill();
      await gone;
    }
    for (let i = 0; i < 250 && this.owned(); i++) await new Promise((r) => setTimeout(r, 20));
    this.restarts += 1;
    await this.startDaemon();
  }

  stop() {
    this.daemon?.kill();
    this.bus.kill();
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/** The keyring test/setup/private-keyring.ts started for this integration test file. */
export function thisFilesKeyring(): PrivateKeyring {
  const keyring = (globalThis as { __wawiFileKeyring?: PrivateKeyring }).__wawiFileKeyring;
  if (!keyring) throw new Error('no private keyring for this file (integration tests on Linux only)');
  return keyring;
}
