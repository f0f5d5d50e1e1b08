// The JTL-Wawi REST API as the helper needs it (see docs/wawi-protocol.md).

import type { AppManifest } from '../../../shared/manifest';
import { inert } from '../../../shared/printable';
import type { ApiStyle } from '../../../shared/registration';
import { HelperError } from '../errors';
import { isLoopback, type WawiServer } from './address';
import { camelKeys, createdSchema, errorBodySchema, infoSchema, KEY_FORMAT, statusSchema } from './answers';
import { type HttpOptions, type HttpResult, httpRequest, retryAfterMs } from './http';

export interface ServerInfo {
  version: string;
  tenant?: string;
  apiStyle: ApiStyle;
}

export interface RegistrationStatus {
  status: 0 | 1 | 2;
  apiKey?: string;
  grantedScopes?: string[];
}

type Context = 'info' | 'register' | 'instance' | 'poll' | 'business';

/** What the flows need of a Wawi server: the port unit tests replace with an in-memory server. */
export type WawiApi = Pick<
  WawiClient,
  'detect' | 'createRegistration' | 'createInstance' | 'getRegistration' | 'checkKey'
>;

export class WawiClient {
  private style?: ApiStyle;

  constructor(
    readonly server: WawiServer,
    private readonly http: HttpOptions = {},
    /** The merchant agreed to plain http to this host on the network. */
    private readonly consent: { insecureHttp?: boolean } = {},
  ) {}

  private path(style: ApiStyle, rest: string): string {
    return `${this.server.baseUrl}${style === 'unversioned' ? '' : `/${style}`}/${rest}`;
  }

  private async call(
    style: ApiStyle,
    rest: string,
    init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: unknown; signal?: AbortSignal },
  ): Promise<HttpResult> {
    // A challenge code or a key goes over plain http to another machine only with the merchant's
    // consent: anyone on the network could read it (and fetch the one-time key first).
    if (
      rest !== 'info' &&
      this.server.protocol === 'http' &&
      !isLoopback(this.server) &&
      !this.consent.insecureHttp
    ) {
      throw new HelperError('insecure-http', { params: { address: this.server.baseUrl } });
    }
    // Never both forms: versioned paths go without api-version, and unversioned ones without it too
    // (the server then takes its latest version).
    return httpRequest(
      this.path(style, rest),
      {
        method: init.method,
        headers: init.headers,
        body:
          init.body === undefined
            ? undefined
            : JSON.stringify(style === 'v2' ? camelKeys(init.body) : init.body),
        signal: init.signal,
        address: this.server.baseUrl,
      },
      this.http,
    );
  }

  /** Finds out how this server's paths are written: /v1/, else /v2/, else unversioned. */
  async detect(signal?: AbortSignal): Promise<ServerInfo> {
    for (const style of ['v1', 'v2', 'unversioned'] as const) {
      const r = await this.call(style, 'info', { signal });
      if (r.status === 404) continue;
      if (r.status !== 200) throw this.toError('info', r);
      const parsed = infoSchema.safeParse(camelKeys(r.json));
      if (!parsed.success) throw this.badResponse('the /info answer is not a JTL-Wawi one');
      this.style = style;
      return { version: parsed.data.version, tenant: parsed.data.tenant ?? undefined, apiStyle: style };
    }
    // The server answers (404 on every path), but no API for this Mandant: most often a typo in it.
    throw new HelperError('bad-response', {
      status: 404,
      params: {
        address: this.server.baseUrl,
        mandant: this.server.database,
        variant: 'no-api',
        reason: `no JTL-Wawi API answers at ${this.server.baseUrl}`,
      },
    });
  }

  private async styleFor(signal?: AbortSignal): Promise<ApiStyle> {
    if (!this.style) await this.detect(signal);
    return this.style!;
  }

  async createRegistration(
    manifest: AppManifest,
    challengeCode: string,
    signal?: AbortSignal,
  ): Promise<{ requestId: string }> {
    const style = await this.styleFor(signal);
    // SignatureProvider and ServiceAccount are the helper's own fields: Wawi gets the request fields only.
    const { SignatureProvider: _provider, ServiceAccount: _account, ...body } = manifest;
    return this.ask(style, 'register', 'authentication', challengeCode, body, signal);
  }

  /** POSTs a registration request (or one for another instance) and reads the new request's id. */
  private async ask(
    style: ApiStyle,
    context: 'register' | 'instance',
    rest: string,
    challengeCode: string,
    body: unknown,
    signal?: AbortSignal,
  ): Promise<{ requestId: string }> {
    const r = await this.call(style, rest, {
      method: 'POST',
      headers: { 'x-challengecode': challengeCode },
      body,
      signal,
    });
    if (r.status !== 200 && r.status !== 201) throw this.toError(context, r);
    // RegistrationRequestStatusInfo, flat or (as in RegistrationInformation) under requestStatusInfo.
    const json = camelKeys(r.json) as { requestStatusInfo?: unknown } | undefined;
    const parsed = createdSchema.safeParse(json?.requestStatusInfo ?? json);
    const what = context === 'register' ? 'registration' : 'instance';
    if (!parsed.success) throw this.badResponse(`the ${what} answer has no request id`, r.status);
    return { requestId: parsed.data.registrationRequestId };
  }

  /**
   * POST /authentication/{id} (no body): asks for another instance of a MultiInstance app, with the
   * request id of its first registration. 200 with the new request's status info.
   */
  async createInstance(
    firstRequestId: string,
    challengeCode: string,
    signal?: AbortSignal,
  ): Promise<{ requestId: string }> {
    const style = await this.styleFor(signal);
    const path = `authentication/${encodeURIComponent(firstRequestId)}`;
    return this.ask(style, 'instance', path, challengeCode, undefined, signal);
  }

  async getRegistration(
    requestId: string,
    challengeCode: string,
    signal?: AbortSignal,
  ): Promise<RegistrationStatus> {
    const style = await this.styleFor(signal);
    const r = await this.call(style, `authentication/${encodeURIComponent(requestId)}`, {
      headers: { 'x-challengecode': challengeCode },
      signal,
    });
    if (r.status !== 200) throw this.toError('poll', r);
    const parsed = statusSchema.safeParse(camelKeys(r.json));
    if (!parsed.success) throw this.badResponse('the registration status is unreadable', r.status);
    const { requestStatusInfo, token, grantedScopes } = parsed.data;
    if (requestStatusInfo.status === 2 && !token?.apiKey)
      throw this.badResponse('accepted, but the answer holds no key', r.status);
    if (token?.apiKey && !KEY_FORMAT.test(token.apiKey))
      throw this.badResponse(
        'accepted, but what came as the key is not one (characters or length); it was not stored',
        r.status,
      );
    return {
      status: requestStatusInfo.status,
      apiKey: token?.apiKey,
      grantedScopes: grantedScopes ?? undefined,
    };
  }

  /**
   * GET a read endpoint (default /companies) with the key: resolves when the key works, throws
   * unauthorized / missing-scope / … otherwise.
   */
  async checkKey(
    apiKey: string,
    app: { appId: string; appVersion: string },
    path = 'companies',
    signal?: AbortSignal,
  ): Promise<void> {
    const style = await this.styleFor(signal);
    const r = await this.call(style, path, {
      headers: { authorization: `Wawi ${apiKey}`, 'x-appid': app.appId, 'x-appversion': app.appVersion },
      signal,
    });
    if (r.status !== 200) throw this.toError('business', r);
    if (r.kind !== 'json') throw this.badResponse(`the /${path} answer is not JSON`, r.status);
  }

  private badResponse(reason: string, status?: number) {
    return new HelperError('bad-response', { status, params: { address: this.server.baseUrl, reason } });
  }

  toError(context: Context, r: HttpResult): HelperError {
    const body = errorBodySchema.safeParse(camelKeys(r.json));
    const info = body.success ? body.data : undefined;
    const params = { address: this.server.baseUrl };
    const status = r.status;
    switch (status) {
      case 400: {
        const text = `${info?.errorCode ?? ''} ${info?.errorMessage ?? ''}`;
        if (/api[ -]?version/i.test(text)) return new HelperError('version-problem', { status, params });
        // A further instance of an app that is not MultiInstance (or not registered): "not allowed".
        if (context === 'instance') return new HelperError('instance-not-allowed', { status, params });
        const fields: Record<string, string[]> = {};
        for (const [k, v] of Object.entries(info?.validationErrors ?? {}))
          fields[inert(k, 80)] = (Array.isArray(v) ? v : [v]).map((m) => inert(m));
        return new HelperError('validation', {
          status,
          fields,
          params: { ...params, fields: Object.keys(fields).join(', ') || 'the request' },
        });
      }
      case 401:
        return new HelperError('unauthorized', { status, params });
      case 402:
        return new HelperError('licence-missing', { status, params });
      case 403:
        return new HelperError(context === 'business' ? 'missing-scope' : 'no-registration-window', {
          status,
          params,
        });
      case 404:
        return context === 'poll' || context === 'instance'
          ? new HelperError('request-not-found', { status, params })
          : this.badResponse('the server does not know this path', status);
      case 409:
        return new HelperError('already-registered', { status, params });
      case 410:
        return new HelperError('already-handed-out', { status, params });
    }
    if (status >= 500 || status === 429 || status === 408) {
      return new HelperError('server-error', {
        status,
        params,
        retryAfterMs: retryAfterMs(r.headers['retry-after']),
      });
    }
    if (status >= 300 && status < 400)
      return this.badResponse(`the server redirects (${status}); redirects are not followed`, status);
    return this.badResponse(`unexpected status ${status}`, status);
  }
}
