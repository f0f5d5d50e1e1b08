// Questions on a terminal: a typed answer, and Enter as "I have removed it in Wawi".
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
