// Raw HTTP helpers for tests that talk to the simulator directly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test helper reads arbitrary JSON
  json: any;
}

export async function call(
  method: string,
  url: string,
  init: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(url, { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** The demo app the simulator ships (tools/wawi-sim/demo-app). */
export const DEMO_APP = join(import.meta.dirname, '..', '..', 'tools', 'wawi-sim', 'demo-app');
export const DEMO_ICON_B64 = readFileSync(join(DEMO_APP, 'icon.png')).toString('base64');

export function registrationBody(overrides: Record<string, unknown> = {}) {
  return {
    AppId: 'TestApp/v1',
    DisplayName: 'Test App',
    Description: 'An app for tests.',
    Version: '1.0.0',
    ProviderName: 'Test GmbH',
    ProviderWebsite: 'https://example.com',
    MandatoryApiScopes: ['company.querycompanies'],
    OptionalApiScopes: ['item.queryitems'],
    AppIcon: DEMO_ICON_B64,
    ...overrides,
  };
}
