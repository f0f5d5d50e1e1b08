// The IPC channel names and the flow-event channel, without schemas: this is all the preload needs, so
// it stays small and free of zod. The request and response schemas are in ./schemas.ts, keyed by
// exactly these names (the type checker holds them equal).
import { FLOW_KINDS, FLOW_STATES } from '../flow';

export const CHANNEL_NAMES = [
  'app:launch',
  'servers:discover',
  'servers:check',
  'registration:start',
  'registration:trust',
  'flow:cancel',
  'flow:now',
  'flow:keep-waiting',
  'registrations:pending',
  'registration:resume',
  'registration:discard',
  'registrations:list',
  'registration:verify',
  'registration:add-instance',
  'rotate:start',
  'rotate:confirm-removed',
  'revoke:start',
  'registration:forget',
  'key:copy',
  'key:clear',
  'lang:get',
  'lang:set',
  'app:open-website',
  'app:copy-details',
  'app:open-log-folder',
] as const;
export type Channel = (typeof CHANNEL_NAMES)[number];

export function isChannel(value: unknown): value is Channel {
  return (CHANNEL_NAMES as readonly unknown[]).includes(value);
}

/** The one event channel: flow events, main → renderer. */
export const FLOW_EVENT_CHANNEL = 'flow:event';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const optional = (v: unknown, type: 'string' | 'number' | 'boolean' | 'object') =>
  v === undefined || (type === 'object' ? isObject(v) : typeof v === type);

/**
 * The shape of a flow event as the bridge lets it through to the page: main built it from the schema
 * in shared/registration.ts; this checks it arrived as such, without shipping a schema library.
 */
export function isFlowEvent(v: unknown): boolean {
  if (!isObject(v) || !isObject(v.server)) return false;
  return (
    typeof v.flowId === 'string' &&
    (FLOW_KINDS as readonly unknown[]).includes(v.kind) &&
    (FLOW_STATES as readonly unknown[]).includes(v.state) &&
    typeof v.appId === 'string' &&
    typeof v.displayName === 'string' &&
    typeof v.server.baseUrl === 'string' &&
    typeof v.elapsedMs === 'number' &&
    optional(v.remainingMs, 'number') &&
    optional(v.nextPollInMs, 'number') &&
    optional(v.polls, 'number') &&
    optional(v.oldKeyDead, 'boolean') &&
    optional(v.resumedFrom, 'string') &&
    optional(v.sentAt, 'string') &&
    optional(v.requestsExpired, 'number') &&
    optional(v.transient, 'object') &&
    optional(v.error, 'object') &&
    optional(v.record, 'object')
  );
}
