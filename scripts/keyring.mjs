// On Linux, when no Secret Service is reachable, re-runs the current script inside a private D-Bus
// session with an unlocked gnome-keyring (a fresh one in a temporary folder), so that keytar talks to a
// real keychain; the daemon stops with the tests (scripts/keyring-session.sh). Elsewhere, or when one is reachable, it returns and the script goes on as it is.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function secretServiceReachable() {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return false;
  const probe = `require(${JSON.stringify(createRequire(import.meta.url).resolve('keytar'))})
    .findCredentials('wawi-helper-probe').then(() => process.exit(0), () => process.exit(1));`;
  return spawnSync(process.execPath, ['-e', probe], { timeout: 8000, stdio: 'ignore' }).status === 0;
}

export function reexecInKeyring() {
  if (process.platform !== 'linux' || process.env.WAWI_TEST_KEYRING || secretServiceReachable()) return;
  for (const tool of ['dbus-run-session', 'gnome-keyring-daemon']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0) {
      console.error(
        `No Secret Service is reachable and '${tool}' is missing.\n` +
          'Install the keychain packages first:  sudo apt-get install -y libsecret-1-dev gnome-keyring dbus libsecret-tools',
      );
      process.exit(2);
    }
  }
  // Its own data and runtime folders: the keyring's files, and the daemon's control socket.
  const dataHome = mkdtempSync(join(tmpdir(), 'wawi-keyring-'));
  const runtimeDir = mkdtempSync(join(tmpdir(), 'wawi-keyring-run-'));
  const session = join(dirname(fileURLToPath(import.meta.url)), 'keyring-session.sh');
  const r = spawnSync(
    'dbus-run-session',
    ['--', 'sh', session, 'unlock', process.execPath, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        XDG_DATA_HOME: dataHome,
        XDG_RUNTIME_DIR: runtimeDir,
        KEYRING_PASSWORD: 'wawi-test',
        WAWI_TEST_KEYRING: 'isolated',
      },
    },
  );
  for (const dir of [dataHome, runtimeDir]) rmSync(dir, { recursive: true, force: true });
  process.exit(r.status ?? 1);
}
