// A second launch of the desktop app and the running one, over the real local channel (a Unix socket
// here, a named pipe on Windows): arguments handed over, the result sent back, foreign callers refused.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { askRunningHelper, handoverAddress, openHandover } from '../../main/ipc/handover';
import { secondLaunch } from '../../main/ipc/second-launch';
import { type LaunchResult, launchResult, launchResultSchema } from '../../shared/result';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
});

const home = () => mkdtempSync(join(tmpdir(), 'handover-'));
const ok = (): LaunchResult =>
  launchResult({
    outcome: 'ok',
    action: 'register',
    at: new Date(0),
    appId: 'A/v1',
    lang: 'en',
    surface: 'app',
  });

async function running(dir: string, onLaunch: Parameters<typeof openHandover>[1]) {
  const h = await openHandover(dir, onLaunch);
  closers.push(() => h.close());
  return h;
}

describe('handing a second launch over', () => {
  it('the running helper takes the arguments and sends the result of what they asked for', async () => {
    const dir = home();
    const seen: string[][] = [];
    let settle!: (r: LaunchResult) => void;
    await running(dir, (argv) => {
      seen.push(argv);
      return { taken: true, result: new Promise((r) => (settle = r)) };
    });
    // Only this user can read the ticket with the token.
    expect(statSync(join(dir, 'handover.json')).mode & 0o077).toBe(0);
    const asked = askRunningHelper(dir, ['--manifest', 'm.json']);
    await vi_waitFor(() => seen.length === 1);
    expect(seen[0]).toEqual(['--manifest', 'm.json']);
    // Taken over: the answer is the result, which exists only once the launch settles.
    settle(ok());
    expect(await asked).toEqual({ kind: 'result', result: ok() });
  });

  it('refused: busy or only the window asked for, said at once', async () => {
    const dir = home();
    await running(dir, (argv) => ({ taken: false, reason: argv.length ? 'busy' : 'focus' }));
    expect(await askRunningHelper(dir, ['--action', 'register'])).toEqual({
      kind: 'refused',
      reason: 'busy',
    });
    expect(await askRunningHelper(dir, [])).toEqual({ kind: 'refused', reason: 'focus' });
  });

  it('nobody running: no answer after the search time; a helper still starting is found', async () => {
    const dir = home();
    expect(await askRunningHelper(dir, [], { findWithinMs: 300 })).toEqual({ kind: 'no-answer' });
    const later = askRunningHelper(dir, ['--wawi', 'x'], { findWithinMs: 5000 });
    await new Promise((r) => setTimeout(r, 400));
    await running(dir, () => ({ taken: false, reason: 'busy' }));
    expect(await later).toEqual({ kind: 'refused', reason: 'busy' });
  });

  it('a caller without the token is cut off before its arguments are read', async () => {
    const dir = home();
    const seen: string[][] = [];
    await running(dir, (argv) => {
      seen.push(argv);
      return { taken: false, reason: 'focus' };
    });
    const ticket = JSON.parse(readFileSync(join(dir, 'handover.json'), 'utf8'));
    const forged = home();
    writeFileSync(join(forged, 'handover.json'), JSON.stringify({ ...ticket, token: 'f'.repeat(64) }));
    expect(await askRunningHelper(forged, ['--action', 'register'], { findWithinMs: 300 })).toEqual({
      kind: 'no-answer',
    });
    expect(seen).toEqual([]);
  });

  it('the running helper ends without a result: no answer', async () => {
    const dir = home();
    await running(dir, () => ({ taken: true, result: Promise.reject(new Error('ended')) }));
    expect(await askRunningHelper(dir, ['--action', 'register'])).toEqual({ kind: 'no-answer' });
  });

  it('a socket left by a crash does not block the next helper', async () => {
    const dir = home();
    writeFileSync(handoverAddress(dir), '');
    writeFileSync(join(dir, 'handover.json'), '{"v":1,"address":"/nowhere","token":"x"}');
    await running(dir, () => ({ taken: false, reason: 'focus' }));
    expect(await askRunningHelper(dir, [])).toEqual({ kind: 'refused', reason: 'focus' });
  });
});

describe('the second launch', () => {
  it('exits 60 with a result file when the running helper is busy, in the language asked for', async () => {
    const dir = home();
    await running(dir, () => ({ taken: false, reason: 'busy' }));
    const file = join(home(), 'r.json');
    const code = await secondLaunch(dir, ['--action', 'rotate', '--lang', 'de', '--result-file', file], 'en');
    expect(code).toBe(60);
    const result = launchResultSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(result).toMatchObject({
      outcome: 'already-running',
      action: 'rotate',
      error: { variant: 'busy', title: 'Der Helfer ist bereits geöffnet' },
    });
  });

  it("exits with the running helper's result for it, and writes that result", async () => {
    const dir = home();
    await running(dir, () => ({
      taken: true,
      result: Promise.resolve(
        launchResult({
          outcome: 'rejected',
          action: 'register',
          at: new Date(0),
          lang: 'en',
          surface: 'app',
        }),
      ),
    }));
    const file = join(home(), 'r.json');
    expect(await secondLaunch(dir, ['--manifest', 'm.json', '--result-file', file], 'en')).toBe(23);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ outcome: 'rejected', exitCode: 23 });
  });

  it('no helper answers: exit 60 (no-answer), never 0', async () => {
    expect(await secondLaunch(home(), ['--manifest', 'm.json'], 'en', { findWithinMs: 0 })).toBe(60);
  });
});

async function vi_waitFor(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}
