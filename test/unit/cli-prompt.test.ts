// Enter on a terminal while Wawi decides: "I have accepted it", one status request now through the
// command's FlowControl; said once the request waits (the hint); nothing without a terminal or with
// --json, where stdin belongs to the script.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../main/cli/context';
import type { CliIO } from '../../main/cli/io';
import { Output } from '../../main/cli/output/output';
import { enterChecksNow } from '../../main/cli/prompt';
import type { Trigger } from '../../main/core/flows/timing';
import { FlowControl } from '../../main/core/index';

function ctxWith(tty: boolean, json = false) {
  const stdin = Object.assign(new PassThrough(), { isTTY: tty });
  const io = {
    stdin,
    stdout: { write: () => true },
    stderr: { write: () => true },
    env: {},
  } as unknown as CliIO;
  const control = new FlowControl();
  const ctx = { io, out: new Output(io, json, 'en'), control } as unknown as Ctx;
  return { ctx, stdin, control };
}

/** Counts the fires of the control's "now" trigger, as a waiting flow sees them. */
function nowFires(control: FlowControl) {
  const trigger = control.options().now as Trigger;
  const seen = { count: 0 };
  const listen = (): void => {
    void trigger.next().then(() => {
      seen.count += 1;
      listen();
    });
  };
  listen();
  return seen;
}

describe('Enter while waiting for acceptance (CLI)', () => {
  it('on a terminal: each Enter asks once; the hint says so', async () => {
    const { ctx, stdin, control } = ctxWith(true);
    const seen = nowFires(control);
    const enter = enterChecksNow(ctx);
    expect(enter.hint).toBe(
      'Press Enter once you have accepted it in JTL-Wawi: the helper then asks at once.',
    );
    stdin.write('\n');
    await new Promise((r) => setImmediate(r));
    expect(seen.count).toBe(1);
    stdin.write('\n');
    await new Promise((r) => setImmediate(r));
    expect(seen.count).toBe(2);
    enter.close();
    stdin.write('\n');
    await new Promise((r) => setImmediate(r));
    expect(seen.count).toBe(2);
  });

  for (const [name, tty, json] of [
    ['without a terminal (a script)', false, false],
    ['with --json', true, true],
  ] as const) {
    it(`${name}: stdin is not read, no hint`, async () => {
      const { ctx, stdin, control } = ctxWith(tty, json);
      const seen = nowFires(control);
      const enter = enterChecksNow(ctx);
      expect(enter.hint).toBeUndefined();
      stdin.write('\n');
      await new Promise((r) => setImmediate(r));
      expect(seen.count).toBe(0);
      enter.close();
    });
  }
});
