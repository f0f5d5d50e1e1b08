// Storing a secret from a new process, with a Secret Service session of its own. keytar (libsecret)
// keeps the session and the bus name of the Secret Service it first met. When that daemon restarts (it
// crashed, the session was restarted, D-Bus started a new one), every later call of this process fails
// with "The session wrapping the secret does not exist" or "The name :1.0 was not provided by any
// .service files", while a new process stores fine (reproduced with keytar alone). An accepted key
// must still reach the keychain: its store is then done by a short-lived child process. The secret
// goes through the child's stdin, never its arguments or environment.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/** keytar's answers when this process's Secret Service session is stale (the daemon restarted). */
export const STALE_SESSION =
  /session wrapping the secret does not exist|was not provided by any \.service files|NoReply|ServiceUnknown|Disconnected/i;

const CHILD = `
const keytar = require(process.argv[1]);
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  const { service, account, secret } = JSON.parse(input);
  keytar.setPassword(service, account, secret).then(
    () => process.exit(0),
    (err) => { process.stderr.write(String((err && err.message) || err)); process.exit(1); },
  );
});`;

/** Stores one secret from a new process (Node, or Electron run as Node); rejects with its error. */
export function storeInFreshProcess(service: string, account: string, secret: string): Promise<void> {
  const keytar = createRequire(import.meta.url).resolve('keytar');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CHILD, keytar], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['pipe', 'ignore', 'pipe'],
      timeout: 15_000,
    });
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(err.trim().slice(0, 300) || `ended with ${signal ?? code}`)),
    );
    child.stdin!.end(JSON.stringify({ service, account, secret }));
  });
}
