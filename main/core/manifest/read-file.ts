// Reads a small file that a user or vendor names (a manifest, an icon): regular files only, and the
// size is checked while reading, so a device (/dev/zero, /dev/urandom), a FIFO or a file that grows
// while it is read fails fast instead of filling memory or blocking forever.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type ReadProblem = 'missing' | 'folder' | 'not-a-file' | 'too-large' | 'unreadable';

export class ReadFileError extends Error {
  constructor(
    readonly problem: ReadProblem,
    readonly path: string,
    readonly code?: string,
  ) {
    super(`${path}: ${problem}${code ? ` (${code})` : ''}`);
    this.name = 'ReadFileError';
  }
}

// O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer (POSIX only).
const OPEN_FLAGS = constants.O_RDONLY | (process.platform === 'win32' ? 0 : constants.O_NONBLOCK);

export function readBoundedFile(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ReadFileError('missing', path, code);
    if (code === 'EISDIR') throw new ReadFileError('folder', path, code);
    throw new ReadFileError('unreadable', path, code);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new ReadFileError('folder', path);
    if (!st.isFile()) throw new ReadFileError('not-a-file', path);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (err) {
        throw new ReadFileError('unreadable', path, (err as NodeJS.ErrnoException).code);
      }
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new ReadFileError('too-large', path);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
