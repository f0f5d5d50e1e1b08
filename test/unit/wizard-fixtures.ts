// What the wizard's unit tests start from: a launch with the demo app, a server, a record, events.
import type { Launch } from '../../renderer/src/wizard/screens';
import type { DiscoveredServer, FlowEvent, RegistrationRecord } from '../../shared/registration';
import { scopeCatalog } from '../../shared/scopes';
import { demoManifestSync } from '../helpers/manifest';

export const server: DiscoveredServer = {
  baseUrl: 'http://127.0.0.1:5883/api/eazybusiness',
  host: '127.0.0.1',
  port: 5883,
  database: 'eazybusiness',
  apiStyle: 'v1',
};

export const untrusted: DiscoveredServer = {
  ...server,
  baseUrl: 'https://127.0.0.1:5883/api/eazybusiness',
  certificate: {
    fingerprint: 'AA',
    trusted: false,
    subject: 'CN=x',
    issuer: 'CN=x',
    validFrom: '',
    validTo: '',
  },
};

export const launch: Launch = {
  action: 'register',
  manifest: demoManifestSync(),
  manifestWarnings: [],
  manifestError: null,
  wawi: null,
  lang: 'de',
  platform: 'win32',
  keychainService: 'JTL-Wawi',
  productName: null,
  scopeWords: scopeCatalog(),
};

export const record = {
  account: 'WawiHelperDemo/v1@127.0.0.1:5883/eazybusiness',
  appId: 'WawiHelperDemo/v1',
  server,
  displayName: 'A',
} as unknown as RegistrationRecord;

export const event = (over: Partial<FlowEvent>): FlowEvent =>
  ({
    flowId: 'f1',
    kind: 'register',
    state: 'waiting',
    appId: 'WawiHelperDemo/v1',
    displayName: 'A',
    server,
    elapsedMs: 0,
    ...over,
  }) as FlowEvent;

export const error = { code: 'rejected' as const, message: '' };
