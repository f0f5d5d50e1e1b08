// Injectable faults: latency, error statuses, resets, hangs, malformed or oversized bodies, matched by
// method and a path glob (`*` one segment, `**` any), each for a number of requests.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse, HttpError, send } from './wire';

/** The body an injected status answers with: its own words (a 404 fault is not "unavailable"). */
const FAULT_BODIES: Record<number, [string, string]> = {
  400: ['BadRequest', 'The request is invalid.'],
  401: ['Unauthorized', 'The request is not authorized.'],
  403: ['Forbidden', 'The request is forbidden.'],
  404: ['NotFound', 'The resource was not found.'],
  409: ['Conflict', 'The request conflicts with the current state.'],
  429: ['TooManyRequests', 'Too many requests.'],
  500: ['InternalServerError', 'An internal server error occurred.'],
  502: ['BadGateway', 'The upstream server answered badly.'],
  503: ['ServiceUnavailable', 'The service is temporarily unavailable.'],
  504: ['GatewayTimeout', 'The upstream server did not answer in time.'],
};

export interface Fault {
  method?: string;
  /** Glob on the path: `*` matches within one segment, `**` across segments. */
  path: string;
  /** How many matching requests it affects. Default 1. */
  times?: number;
  type: 'latency' | 'status' | 'reset' | 'hang' | 'drip' | 'malformed' | 'html' | 'oversized';
  ms?: number;
  status?: number;
  retryAfter?: number;
}

function globToRegExp(glob: string): RegExp {
  const re = glob
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${re}/?$`, 'i');
}

/** The faults in force; each answers (or delays) the requests it matches until its count is used up. */
export class Faults {
  private list: (Fault & { remaining: number; re: RegExp })[] = [];

  add(faults: Fault[]) {
    for (const f of faults) {
      if (!f || typeof f.path !== 'string' || typeof f.type !== 'string')
        throw new HttpError(400, { error: 'Each fault needs a path and a type.' });
      this.list.push({ ...f, remaining: f.times ?? 1, re: globToRegExp(f.path) });
    }
  }

  clear() {
    this.list = [];
  }

  get count() {
    return this.list.length;
  }

  /** The faults in force, with how many requests each still affects. */
  describe(): (Fault & { remaining: number })[] {
    return this.list.map(({ re: _re, ...f }) => f);
  }

  /** Returns true when the fault answered the request itself. */
  async apply(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const f = this.list.find(
      (x) => x.remaining > 0 && x.re.test(path) && (!x.method || x.method.toUpperCase() === req.method),
    );
    if (!f) return false;
    f.remaining -= 1;
    this.list = this.list.filter((x) => x.remaining > 0);
    switch (f.type) {
      case 'latency':
        await new Promise((r) => setTimeout(r, f.ms ?? 1000));
        return false;
      case 'status': {
        const headers: Record<string, string> = {};
        if (f.retryAfter !== undefined) headers['retry-after'] = String(f.retryAfter);
        const status = f.status ?? 503;
        const [code, message] = FAULT_BODIES[status] ?? [
          'Error',
          `The request failed with status ${status}.`,
        ];
        send(res, status, errorResponse(code, message), 'v1', headers);
        return true;
      }
      case 'reset':
        req.socket.destroy();
        return true;
      case 'hang':
        return true;
      case 'drip': {
        // Headers at once, then one byte of a never-ending body every `ms` (default 5 s): no silence
        // long enough for a per-read timeout, and no end.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{');
        const t = setInterval(() => res.write(' '), f.ms ?? 5000);
        res.on('close', () => clearInterval(t));
        return true;
      }
      case 'malformed':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"RequestStatusInfo": {"AppId": "x", "Status": ');
        return true;
      case 'html':
        res.writeHead(f.status ?? 502, { 'content-type': 'text/html' });
        res.end(
          '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
        );
        return true;
      case 'oversized': {
        const big = `{"Padding":"${'x'.repeat(5 * 1024 * 1024)}"}`;
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(big) });
        res.end(big);
        return true;
      }
    }
  }
}
