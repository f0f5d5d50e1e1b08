// The simulator's HTTP plumbing: error bodies as a real Wawi sends them (PascalCase, German .NET stack
// trace), v2's camelCase, case-insensitive fields, bounded bodies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PathVersion } from './types';

const MAX_BODY = 2 * 1024 * 1024;
const STACKTRACE =
  '   bei JTL.Wawi.Rest.Controllers.AuthenticationController.Post(CreateAppRegistrationRequest request)\r\n   bei lambda_method(Closure, Object, Object[])';

/** An answer other than 2xx, thrown by a route and sent by the server. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

export function errorResponse(
  code: string,
  message: string,
  validationErrors: Record<string, string[]> = {},
) {
  return {
    ErrorCode: code,
    ValidationErrors: validationErrors,
    ErrorMessage: message,
    Stacktrace: STACKTRACE,
    Errors: {},
  };
}

function camel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camel);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k.charAt(0).toLowerCase() + k.slice(1),
        k === 'ValidationErrors' ? v : camel(v),
      ]),
    );
  }
  return value;
}

/** Reads a field case-insensitively, as ASP.NET's JSON binding does. */
export function field(obj: Record<string, unknown>, name: string): unknown {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  version: PathVersion,
  headers: Record<string, string> = {},
) {
  const payload = body === undefined ? '' : JSON.stringify(version === 'v2' ? camel(body) : body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY)
      throw new HttpError(413, errorResponse('PayloadTooLarge', 'The request body is too large.'));
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(
      400,
      errorResponse('ValidationError', 'The request body is not valid JSON.', { request: ['Invalid JSON.'] }),
    );
  }
}
