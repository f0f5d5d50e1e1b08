import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../main/cli/context';
import { newChallengeCode } from '../../main/core/flows/register';
import { parseWawiAddress } from '../../main/core/wawi/address';
import { WawiClient } from '../../main/core/wawi/client';
import { discover } from '../../main/core/wawi/discovery';
import { nestedDeeperThan, retryAfterMs } from '../../main/core/wawi/http';
import { ERROR_CODES, type ErrorCode, EXIT_CODES, isTransient } from '../../shared/errors/meta';
import { errorText } from '../../shared/errors/text';
import { startWawiSim } from '../../tools/wawi-sim/server';

const client = new WawiClient(parseWawiAddress('127.0.0.1:5883'));
const res = (status: number, json?: unknown, headers: Record<string, string> = {}) => ({
  status,
  json,
  headers,
  kind: 'json' as const,
});

describe('status codes become typed errors', () => {
  it.each([
    [401, 'business', 'unauthorized'],
    [402, 'register', 'licence-missing'],
    [403, 'register', 'no-registration-window'],
    [403, 'business', 'missing-scope'],
    [404, 'poll', 'request-not-found'],
    [404, 'info', 'bad-response'],
    [409, 'register', 'already-registered'],
    [410, 'poll', 'already-handed-out'],
    [500, 'poll', 'server-error'],
    [503, 'poll', 'server-error'],
    [429, 'poll', 'server-error'],
    [301, 'info', 'bad-response'],
    [418, 'info', 'bad-response'],
  ] as const)('%i in %s → %s', (status, ctx, code) => {
    expect(client.toError(ctx, res(status)).code).toBe(code);
  });

  it('400 is a version problem or a validation error with fields (PascalCase or camelCase)', () => {
    expect(
      client.toError(
        'info',
        res(400, { ErrorMessage: 'The HTTP resource does not support the api version 3.0' }),
      ).code,
    ).toBe('version-problem');
    expect(client.toError('info', res(400, { errorCode: 'AmbiguousApiVersion' })).code).toBe(
      'version-problem',
    );
    const v = client.toError(
      'register',
      res(400, { validationErrors: { AppId: ['required'], Version: 'bad' } }),
    );
    expect(v.code).toBe('validation');
    expect(v.fields).toEqual({ AppId: ['required'], Version: ['bad'] });
  });

  it('reads Retry-After in seconds and as a date', () => {
    expect(client.toError('poll', res(503, undefined, { 'retry-after': '7' })).retryAfterMs).toBe(7000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });

  it('every error code has an exit code and German and English texts with a next step', () => {
    for (const code of ERROR_CODES) {
      expect(EXIT_CODES[code]).toBeGreaterThan(0);
      for (const lang of ['de', 'en'] as const) {
        const t = errorText(
          {
            code,
            params: {
              address: 'http://x',
              appId: 'a',
              reason: 'r',
              timeout: '1 min',
              problems: 'p',
              path: 'f',
              servers: 's',
            },
          },
          lang,
        );
        expect(t.title.length).toBeGreaterThan(3);
        expect(t.next.length).toBeGreaterThan(10);
        expect(`${t.title}${t.detail}${t.next}`).not.toContain('{');
      }
    }
  });
});

describe('challenge code', () => {
  it('is random, URL-safe and at most 30 characters', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newChallengeCode()));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});

describe('durations', () => {
  it.each([
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['45', 45_000],
    ['1500ms', 1500],
  ])('%s = %i ms', (s, ms) => expect(parseDuration(s)).toBe(ms));
  it('refuses nonsense', () => {
    expect(() => parseDuration('soon')).toThrow(/not a duration/);
    expect(() => parseDuration('10ms')).toThrow(/at least one second/);
    // An absurd duration is a usage error before anything is sent, not a crash after (a timer's limit).
    expect(parseDuration('168h')).toBe(604_800_000);
    expect(() => parseDuration('169h')).toThrow(/at most 7 days/);
    expect(() => parseDuration('1200h')).toThrow(/at most 7 days/);
  });
});

describe('discovery', () => {
  it('finds a server on a configured address with its database and version', async () => {
    const sim = await startWawiSim({ port: 0, databases: ['Mandant_2'], wawiVersion: '1.11.0.0' });
    try {
      const r = await discover({
        candidates: ['127.0.0.1:9'],
        extra: [`${sim.url}/api/Mandant_2`, `${sim.url}/api/eazybusiness`],
      });
      expect(r.servers).toEqual([
        {
          baseUrl: `${sim.url}/api/Mandant_2`,
          host: '127.0.0.1',
          port: sim.port,
          database: 'Mandant_2',
          wawiVersion: '1.11.0.0',
          apiStyle: 'v1',
        },
      ]);
      expect(r.other).toHaveLength(1);
      expect(r.other[0]!.reason).toMatch(/Mandant/);
    } finally {
      await sim.close();
    }
  });

  it('gives up on silent addresses on time', async () => {
    // A server that accepts connections but never answers.
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      const r = await discover({ candidates: [`127.0.0.1:${port}`, '127.0.0.1:9'], timeoutMs: 300 });
      expect(r.servers).toEqual([]);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe('absurd answers', () => {
  it('a deeply nested status answer is a passing fault (bad-response), not a crash', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(deep);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      const c = new WawiClient(parseWawiAddress(`127.0.0.1:${port}`));
      const err = await c.getRegistration('id', 'code').catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'bad-response' });
      expect(isTransient((err as { code: ErrorCode }).code)).toBe(true);
    } finally {
      server.close();
    }
    expect(nestedDeeperThan({ a: [[{}]] }, 4)).toBe(false);
    expect(nestedDeeperThan({ a: [[{ b: [] }]] }, 4)).toBe(true);
  });
});

describe('hostile strings in answers', () => {
  async function answering(body: unknown) {
    // /info as Wawi answers it; the status route answers `body`.
    const server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(req.url?.endsWith('/info') ? { Version: '1.10.12.0' } : body));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    return { client: new WawiClient(parseWawiAddress(`127.0.0.1:${port}`)), close: () => server.close() };
  }

  it('granted scopes are made inert where they enter: one line, no controls or bidi marks', async () => {
    const s = await answering({
      RequestStatusInfo: { Status: 2 },
      Token: { ApiKey: 'FB622234-98A7-46FA-A01B-06C9D0971AAF' },
      GrantedScopes: ['item.queryitems\r\n✔ Done. Fake line', 'Shop\u202egnp\u001b[2J'],
    });
    try {
      const status = await s.client.getRegistration('id', 'code');
      expect(status.grantedScopes).toEqual(['item.queryitems ✔ Done. Fake line', 'Shopgnp']);
    } finally {
      s.close();
    }
  });

  it.each([
    ['escape sequences', '\u001b]0;pwned\u0007FB622234-98A7-46FA'],
    ['a space', 'FB622234 98A7-46FA-A01B-06C9D0971AAF'],
    ['600 KB', 'A'.repeat(600_000)],
    ['too short to be one', 'letmein'],
  ])('a key with %s is not a key: a typed fault, nothing handed on', async (_, key) => {
    const s = await answering({ RequestStatusInfo: { Status: 2 }, Token: { ApiKey: key } });
    try {
      const err = await s.client.getRegistration('id', 'code').catch((e: unknown) => e);
      expect(err).toMatchObject({
        code: 'bad-response',
        params: { reason: expect.stringContaining('what came as the key is not one') },
      });
      expect(JSON.stringify(err)).not.toContain(key.slice(0, 7));
    } finally {
      s.close();
    }
  });
});

describe('every exchange has a deadline of its own', () => {
  it('a server that drips its answer is a passing fault after requestTimeoutMs; a cancel stays a cancel', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{');
      const t = setInterval(() => res.write(' '), 100);
      res.on('close', () => clearInterval(t));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      const c = new WawiClient(parseWawiAddress(`127.0.0.1:${port}`), { requestTimeoutMs: 1000 });
      const began = Date.now();
      const err = await c.getRegistration('id', 'code').catch((e: unknown) => e);
      expect(Date.now() - began).toBeLessThan(3000);
      expect(err).toMatchObject({ code: 'unreachable', params: { reason: 'no complete answer within 1 s' } });
      expect(isTransient((err as { code: ErrorCode }).code)).toBe(true);
      const cancel = new AbortController();
      setTimeout(() => cancel.abort(), 200);
      const aborted = await c.getRegistration('id', 'code', cancel.signal).catch((e: unknown) => e);
      expect((aborted as Error).name).toBe('AbortError');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('asHelperError', () => {
  it('keeps a HelperError from another copy of the module (another bundle or loader)', async () => {
    const { asHelperError, HelperError } = await import('../../main/core/errors');
    // A structurally identical class, as a second module instance would have.
    const foreign = new HelperError('unreachable', { params: { address: 'http://x' } });
    Object.setPrototypeOf(foreign, Error.prototype);
    (foreign as unknown as { toJSON: () => unknown }).toJSON = () => ({ code: 'unreachable', message: 'm' });
    expect(asHelperError(foreign).code).toBe('unreachable');
    expect(asHelperError(new Error('boom')).code).toBe('internal');
    const fake = Object.assign(new Error('x'), {
      name: 'HelperError',
      code: 'not-a-code',
      toJSON: () => ({}),
    });
    expect(asHelperError(fake).code).toBe('internal');
  });
});

describe('the bridge', () => {
  it('returns plain envelopes (they survive contextBridge) and the renderer client turns failures into BridgeErrors', async () => {
    const { apiClient, BridgeError, createBridge } = await import('../../shared/ipc/bridge');
    const bridge = createBridge({
      invoke: async (channel) =>
        channel === 'lang:get'
          ? { ok: true, data: { lang: 'de' } }
          : { ok: false, error: { code: 'unreachable', message: 'm', params: { address: 'http://x' } } },
      subscribe: () => () => {},
    });
    const env = await bridge.invoke('servers:check', { address: 'x' });
    expect(env).toEqual({
      ok: false,
      error: { code: 'unreachable', message: 'm', params: { address: 'http://x' } },
    });
    expect(Object.getPrototypeOf(env)).toBe(Object.prototype);
    expect(await bridge.invoke('nope' as never, {} as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    const client = apiClient(bridge);
    expect(await client.call('lang:get', {})).toEqual({ lang: 'de' });
    const err = await client.call('servers:check', { address: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BridgeError);
    expect((err as InstanceType<typeof BridgeError>).error.code).toBe('unreachable');
    const broken = createBridge({
      invoke: async () => Promise.reject(new Error('ipc down')),
      subscribe: () => () => {},
    });
    expect(await broken.invoke('lang:get', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'ipc down' },
    });
  });
});
