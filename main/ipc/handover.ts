// A second launch of the desktop app talks to the running one here: it hands over its arguments and
// waits for the result of what it asked for. Electron's single-instance lock decides who runs; this
// local channel (a Unix socket in the app-data folder, a named pipe on Windows) carries the answer,
// which Electron's 'second-instance' event cannot. A random token in a file only this user can read
// (the app-data folder) admits only this user's launches.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LaunchResult, launchResultSchema } from '../../shared/result';
import * as z from '../../shared/zod';

const FILE = 'handover.json';
const MAX_LINE = 64 * 1024;

const ticketSchema = z.object({ v: z.literal(1), address: z.string(), token: z.string() });
const requestSchema = z.object({
  v: z.literal(1),
  token: z.string(),
  argv: z.array(z.string()).check(z.maxLength(64)),
});
const answerSchema = z.union([
  z.object({ taken: z.literal(true) }),
  z.object({ taken: z.literal(false), reason: z.enum(['busy', 'focus']) }),
  z.object({ result: launchResultSchema }),
]);

/** What the running helper does with a handed-over launch. */
export type HandoverReply =
  | { taken: false; reason: 'busy' | 'focus' }
  | { taken: true; result: Promise<LaunchResult> };

/** What a second launch learns. */
export type HandoverAnswer =
  | { kind: 'result'; result: LaunchResult }
  | { kind: 'refused'; reason: 'busy' | 'focus' }
  | { kind: 'no-answer' };

/** Where the running helper listens: a named pipe on Windows, else a socket in (or for) the home folder. */
export function handoverAddress(home: string, platform: NodeJS.Platform = process.platform): string {
  const id = createHash('sha256').update(home).digest('hex').slice(0, 16);
  if (platform === 'win32') return `\\\\.\\pipe\\wawi-registration-helper-${id}`;
  const inHome = join(home, 'handover.sock');
  // A Unix socket path has about 100 bytes at most.
  return Buffer.byteLength(inHome) < 100 ? inHome : join(tmpdir(), `wawi-registration-helper-${id}.sock`);
}

/** Lines of JSON over a socket, each at most MAX_LINE bytes. */
function lines(socket: Socket, onLine: (line: string) => void) {
  let buffer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    if (buffer.length > MAX_LINE) socket.destroy();
    for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      onLine(line);
    }
  });
}

const parse = (line: string): unknown => {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
};

/**
 * The running helper's side: listens, checks each request's token and answers with `onLaunch`. Only the
 * holder of the single-instance lock calls this, so a socket file left by a crash is removed first.
 */
export async function openHandover(
  home: string,
  onLaunch: (argv: string[]) => HandoverReply,
  platform: NodeJS.Platform = process.platform,
): Promise<{ close(): void }> {
  const address = handoverAddress(home, platform);
  const token = randomBytes(32).toString('hex');
  const expected = Buffer.from(token);
  if (platform !== 'win32') rmSync(address, { force: true });
  const server: Server = createServer((socket) => {
    socket.on('error', () => undefined);
    let asked = false;
    lines(socket, (line) => {
      if (asked) return;
      asked = true;
      const request = requestSchema.safeParse(parse(line));
      const given = Buffer.from(request.success ? request.data.token : '');
      if (!request.success || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        socket.destroy();
        return;
      }
      const reply = onLaunch(request.data.argv);
      if (!reply.taken) {
        socket.end(`${JSON.stringify({ taken: false, reason: reply.reason })}\n`);
        return;
      }
      socket.write(`${JSON.stringify({ taken: true })}\n`);
      void reply.result.then(
        (result) => socket.end(`${JSON.stringify({ result })}\n`),
        () => socket.destroy(),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => resolve());
  });
  const file = join(home, FILE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ v: 1, address, token }), { mode: 0o600 });
  renameSync(temp, file);
  return {
    close() {
      server.close();
      rmSync(file, { force: true });
      if (platform !== 'win32') rmSync(address, { force: true });
    },
  };
}

/**
 * The second launch's side: hands `argv` to the running helper and waits for its answer. The running
 * helper may still be starting, so it is looked for until `findWithinMs`; once it took the launch over,
 * the wait lasts as long as the launch does.
 */
export async function askRunningHelper(
  home: string,
  argv: string[],
  opts: { findWithinMs?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<HandoverAnswer> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const end = Date.now() + (opts.findWithinMs ?? 10_000);
  for (;;) {
    const answer = await tryOnce(home, argv);
    if (answer) return answer;
    if (Date.now() >= end) return { kind: 'no-answer' };
    await sleep(200);
  }
}

/** One attempt: undefined when nobody listens (yet). */
async function tryOnce(home: string, argv: string[]): Promise<HandoverAnswer | undefined> {
  let ticket: z.infer<typeof ticketSchema>;
  try {
    const parsed = ticketSchema.safeParse(parse(readFileSync(join(home, FILE), 'utf8')));
    if (!parsed.success) return undefined;
    ticket = parsed.data;
  } catch {
    return undefined;
  }
  return new Promise((resolve) => {
    let taken = false;
    let done = false;
    const finish = (a: HandoverAnswer | undefined) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(a);
    };
    const socket = createConnection(ticket.address, () => {
      socket.write(`${JSON.stringify({ v: 1, token: ticket.token, argv })}\n`);
    });
    socket.on('error', () => finish(taken ? { kind: 'no-answer' } : undefined));
    socket.on('close', () => finish(taken ? { kind: 'no-answer' } : undefined));
    lines(socket, (line) => {
      const answer = answerSchema.safeParse(parse(line));
      if (!answer.success) return finish({ kind: 'no-answer' });
      const a = answer.data;
      if ('result' in a) return finish({ kind: 'result', result: a.result });
      if (a.taken) taken = true;
      else finish({ kind: 'refused', reason: a.reason });
    });
  });
}
