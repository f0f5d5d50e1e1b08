// Questions on a terminal: a typed answer, Enter as "I have removed it in Wawi", and Enter as "I have
// accepted it" (one status request now).
import { createInterface } from 'node:readline';
import type { Ctx } from './context';
import type { CliIO } from './io';

export async function ask(io: CliIO, question: string): Promise<string> {
  const rl = createInterface({ input: io.stdin, output: io.stderr as NodeJS.WritableStream });
  try {
    return await new Promise((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
  }
}

/** True when a person can answer: a terminal on both ends, and no --json. */
export function interactive({ out, io }: Pick<Ctx, 'out' | 'io'>): boolean {
  return !out.json && io.stdin.isTTY === true && io.stderr.isTTY === true;
}

/** On a terminal, Enter says "removed in Wawi" (rotate goes on; revoke checks at once). */
export function enterConfirms({ out, io }: Ctx): { confirmation?: Promise<void>; close: () => void } {
  if (out.json || !io.stdin.isTTY) return { close: () => undefined };
  out.say(out.t.pressEnter);
  const rl = createInterface({ input: io.stdin });
  const confirmation = new Promise<void>((resolve) => rl.once('line', () => resolve()));
  return { confirmation, close: () => rl.close() };
}

/**
 * On a terminal, Enter while Wawi decides asks at once ("I have accepted it in Wawi"): one status
 * request now instead of at the next interval. It claims nothing; the answer decides. The hint is said
 * once the request waits in Wawi (flowOptions).
 */
export function enterChecksNow({ out, io, control }: Ctx): { hint?: string; close: () => void } {
  if (out.json || !io.stdin.isTTY) return { close: () => undefined };
  const rl = createInterface({ input: io.stdin });
  rl.on('line', () => control.now());
  return { hint: out.t.pressEnterAccepted, close: () => rl.close() };
}
