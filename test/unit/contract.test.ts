// The contract's single sources: flow transitions per kind, how an event is read, what each error code
// means, the bridge's check of flow events, and the renderer's pure screen rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  afterEvent,
  decideStart,
  type Launch,
  retryScreen,
  type Screen,
} from '../../renderer/src/wizard/screens';
import {
  canRetrust,
  ERROR_CODES,
  EXIT_CODES,
  endsEntry,
  isTransient,
  retryFrom,
  sentNothing,
  verifyErrorCode,
  verifyReport,
} from '../../shared/errors/meta';
import { VARIANTS } from '../../shared/errors/variants';
import { canTransition, endStateFor, FLOW_STATES, flowPhase, isFinal, keyWaiting } from '../../shared/flow';
import { createBridge } from '../../shared/ipc/bridge';
import { CHANNEL_NAMES, isFlowEvent } from '../../shared/ipc/channels';
import { CHANNELS } from '../../shared/ipc/schemas';
import { type FlowEvent, flowEventSchema } from '../../shared/registration';
import { formatClock } from '../../shared/time';
import { ROOT } from '../helpers/proc';

describe('flow transitions, one table per kind', () => {
  it.each([
    ['register', 'sending', 'waiting', true],
    ['register', 'sending', 'awaiting-removal', false],
    ['register', 'checking', 'sending', false],
    ['rotate', 'awaiting-removal', 'sending', true],
    ['rotate', 'waiting', 'storing', true],
    ['revoke', 'awaiting-removal', 'removed', true],
    ['revoke', 'awaiting-removal', 'sending', false],
    ['revoke', 'checking', 'waiting', false],
    ['register', 'storing', 'cancelled', false],
    ['register', 'waiting', 'cancelled', true],
    ['rotate', 'verifying', 'failed', true],
    ['register', 'accepted', 'failed', false],
  ] as const)('%s: %s → %s is %s', (kind, from, to, allowed) => {
    expect(canTransition(kind, from, to)).toBe(allowed);
  });

  it('final states end every kind; errors end in their own state', () => {
    for (const s of FLOW_STATES) if (isFinal(s)) expect(canTransition('rotate', s, 'failed')).toBe(false);
    expect(endStateFor('cancelled')).toBe('cancelled');
    expect(endStateFor('rejected')).toBe('rejected');
    expect(endStateFor('unreachable')).toBe('failed');
  });
});

describe('reading a flow event', () => {
  const transient = { code: 'server-error' as const };
  it.each([
    [{ state: 'sending', transient: { code: 'no-registration-window' as const } }, 'waiting-for-dialog'],
    [{ state: 'sending' }, 'sending'],
    [{ state: 'waiting', transient }, 'retrying'],
    [{ state: 'awaiting-removal', oldKeyDead: true }, 'old-key-dead'],
    [{ state: 'storing', transient: { code: 'keychain-unavailable' as const } }, 'key-waiting'],
    [{ state: 'storing' }, 'storing'],
    [{ state: 'removed' }, 'succeeded'],
    [{ state: 'timed-out' }, 'ended'],
  ] as const)('%o is %s', (e, phase) => {
    expect(flowPhase(e)).toBe(phase);
  });

  it('only a key refused by the keychain is a waiting key', () => {
    expect(keyWaiting({ state: 'storing', transient: { code: 'keychain-unavailable' } })).toBe(true);
    expect(keyWaiting({ state: 'storing' })).toBe(false);
    expect(keyWaiting(undefined)).toBe(false);
  });
});

describe('what an error code means (ERROR_META)', () => {
  it('derives the lists the flows and the app use', () => {
    expect(ERROR_CODES.filter(isTransient)).toEqual(['unreachable', 'server-error', 'bad-response']);
    expect(ERROR_CODES.filter(endsEntry).sort()).toEqual(
      ['already-handed-out', 'key-not-stored', 'rejected', 'request-not-found', 'request-unconfirmed'].sort(),
    );
    expect(ERROR_CODES.filter((c) => retryFrom(c) === 'none').sort()).toEqual(
      [
        'already-running',
        'instance-not-allowed',
        'invalid-input',
        'licence-missing',
        'manifest-invalid',
        'request-unconfirmed',
      ].sort(),
    );
    expect(ERROR_CODES.filter(canRetrust)).toEqual(['tls-untrusted', 'certificate-changed', 'insecure-http']);
    expect(ERROR_CODES.filter(sentNothing)).toEqual([
      ...ERROR_CODES.filter(canRetrust),
      'signature-unavailable',
    ]);
    expect(verifyReport('unauthorized')).toBe('rejected');
    expect(verifyReport('tls-untrusted')).toBeUndefined();
    expect(verifyErrorCode('rejected')).toBe('unauthorized');
    expect(verifyErrorCode('works')).toBeUndefined();
  });

  it('keeps the documented exit codes', () => {
    expect(EXIT_CODES).toMatchObject({
      ok: 0,
      usage: 2,
      'certificate-changed': 13,
      'request-unconfirmed': 28,
      'key-not-stored': 53,
    });
  });
});

describe('the IPC contract', () => {
  /** A flow event with only the required fields. */
  const good = {
    flowId: 'f',
    kind: 'register',
    state: 'waiting',
    appId: 'a/v1',
    displayName: 'A',
    server: {
      baseUrl: 'http://127.0.0.1:5883/api/eazybusiness',
      host: '127.0.0.1',
      port: 5883,
      database: 'eazybusiness',
    },
    elapsedMs: 5,
  };
  const fields = Object.keys(flowEventSchema._zod.innerType.shape);

  it('names exactly the channels the schemas describe', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(CHANNELS).sort());
  });

  it('the bridge passes flow events through and drops malformed ones', () => {
    let emit!: (e: unknown) => void;
    const bridge = createBridge({
      invoke: async () => ({ ok: true, data: {} }),
      subscribe: (l) => {
        emit = l as (e: unknown) => void;
        return () => undefined;
      },
    });
    const seen: FlowEvent[] = [];
    bridge.onFlowEvent((e) => seen.push(e));
    emit(good);
    emit({ ...good, state: 'exploded' });
    emit({ ...good, elapsedMs: '5' });
    emit('not an event');
    expect(seen).toEqual([good]);
  });

  it("the bridge's check and the zod schema both accept an event with only the required fields", () => {
    expect(flowEventSchema.safeParse(good).success).toBe(true);
    expect(isFlowEvent(good)).toBe(true);
    const shape = flowEventSchema._zod.innerType.shape;
    const required = fields.filter((f) => shape[f as keyof typeof shape]._zod.optin !== 'optional');
    expect(Object.keys(good).sort()).toEqual(required.sort());
  });

  it.each(fields)("the bridge's check and the zod schema both refuse %s of the wrong type", (field) => {
    const bad = { ...good, [field]: Symbol('wrong') };
    expect(flowEventSchema.safeParse(bad).success).toBe(false);
    expect(isFlowEvent(bad)).toBe(false);
  });

  it("the bridge's check names no field the schema does not have", () => {
    const source = readFileSync(join(ROOT, 'shared/ipc/channels.ts'), 'utf8');
    const body = source.slice(source.indexOf('export function isFlowEvent'));
    const named = new Set([...body.slice(0, body.indexOf('\n}\n')).matchAll(/v\.(\w+)/g)].map((m) => m[1]!));
    named.delete('server');
    expect([...named].filter((f) => !fields.includes(f))).toEqual([]);
  });
});

describe('the wizard screen rules', () => {
  const launch = (over: Partial<Launch> = {}): Launch => ({
    action: 'register',
    manifest: { AppId: 'a/v1' } as Launch['manifest'],
    manifestWarnings: [],
    manifestError: null,
    wawi: null,
    lang: 'de',
    platform: 'win32',
    keychainService: 'JTL-Wawi API key',
    productName: null,
    scopeWords: {},
    ...over,
  });
  const server = {
    baseUrl: 'http://127.0.0.1:5883/api/eazybusiness',
    host: '127.0.0.1',
    port: 5883,
    database: 'eazybusiness',
    apiStyle: 'v1' as const,
  };
  const pending = {
    account: 'a/v1@127.0.0.1:5883/eazybusiness',
    appId: 'a/v1',
    displayName: 'A',
    providerName: 'P',
    appVersion: '1',
    startedAt: '',
    kind: 'register' as const,
    server,
  };

  it('starts with a confirmed pending request, then the action, then the manifest', () => {
    expect(decideStart(launch(), [{ ...pending, requestConfirmed: true }], [])).toEqual({
      name: 'resuming',
      pending: { ...pending, requestConfirmed: true },
      registrations: [],
    });
    expect(decideStart(launch(), [{ ...pending, requestConfirmed: false }], [])).toEqual({ name: 'connect' });
    expect(decideStart(launch({ manifest: null }), [], [])).toEqual({ name: 'manage' });
  });

  it('a server problem retries from choosing the server, anything else on the same server', () => {
    const failure = (
      code: 'tls-untrusted' | 'rejected' | 'licence-missing',
    ): Extract<Screen, { name: 'failure' }> => ({
      name: 'failure',
      error: { code, message: '' },
      kind: 'register',
      server,
    });
    expect(retryScreen(failure('tls-untrusted'), true)).toEqual({ name: 'connect' });
    expect(retryScreen(failure('rejected'), true)).toEqual({ name: 'review', server });
    expect(retryScreen(failure('rejected'), false)).toBeUndefined();
  });

  it('a rotation that waits for acceptance moves on to the waiting screen', () => {
    const record = { account: pending.account } as never;
    const e = {
      flowId: 'f',
      kind: 'rotate',
      state: 'waiting',
      appId: 'a/v1',
      displayName: 'A',
      server,
      elapsedMs: 1,
    } as FlowEvent;
    expect(afterEvent({ name: 'removal', kind: 'rotate', record, flowId: 'f' }, e)).toMatchObject({
      name: 'waiting',
      flowId: 'f',
    });
    expect(afterEvent({ name: 'waiting', server, flowId: 'f' }, e)).toBeUndefined();
  });

  it("the merchant's own cancel goes back where they came from; any other end is a failure", () => {
    const ended = (state: FlowEvent['state'], code: 'cancelled' | 'timed-out', kind = 'register') =>
      ({
        flowId: 'f',
        kind,
        state,
        appId: 'a/v1',
        displayName: 'A',
        server,
        elapsedMs: 1,
        error: { code, message: '' },
      }) as FlowEvent;
    const sent: Screen = { name: 'waiting', server, flowId: 'f', from: 'review' };
    expect(afterEvent(sent, ended('cancelled', 'cancelled'))).toEqual({
      name: 'review',
      server,
      notice: { code: 'cancelled', message: '' },
    });
    // A resumed request (sent by an earlier helper) and a rotation go back to the list.
    expect(
      afterEvent({ name: 'waiting', server, flowId: 'f' }, ended('cancelled', 'cancelled')),
    ).toMatchObject({
      name: 'manage',
      notice: { code: 'cancelled' },
    });
    const record = { account: pending.account } as never;
    expect(
      afterEvent(
        { name: 'removal', kind: 'rotate', record, flowId: 'f' },
        ended('cancelled', 'cancelled', 'rotate'),
      ),
    ).toMatchObject({ name: 'manage' });
    expect(afterEvent(sent, ended('timed-out', 'timed-out'))).toMatchObject({
      name: 'failure',
      error: { code: 'timed-out' },
      server,
    });
  });

  it('formats a running time as a clock does', () => {
    expect([formatClock(7000), formatClock(750_000), formatClock(-5)]).toEqual(['0:07', '12:30', '0:00']);
  });
});

describe('advice that fits where it is shown', () => {
  it('"nothing was sent" is said once: added where a registration stopped early, never twice', async () => {
    const { errorText } = await import('../../shared/errors/text');
    const keychain = errorText(
      { code: 'keychain-unavailable', params: { nothingSent: 'true' } },
      'de',
      'app',
    );
    expect(keychain.detail).toMatch(/An JTL-Wawi wurde nichts gesendet\.$/);
    for (const code of ERROR_CODES)
      for (const lang of ['de', 'en'] as const) {
        const t = errorText({ code, params: { nothingSent: 'true' } }, lang, 'app');
        const said =
          `${t.detail} ${t.next}`.match(/nichts gesendet|Nothing was sent|nothing was sent/g) ?? [];
        expect(said.length, `${code} (${lang})`).toBeLessThanOrEqual(1);
      }
  });

  it('the app never tells the merchant to type a command or a flag', async () => {
    const { errorText } = await import('../../shared/errors/text');
    for (const code of ERROR_CODES)
      for (const lang of ['de', 'en'] as const) {
        const text = errorText({ code, params: { pendingKept: 'true' } }, lang, 'app');
        const plain = errorText({ code }, lang, 'app');
        for (const t of [text, plain]) expect(`${t.detail} ${t.next}`).not.toMatch(/wawi-register|--[a-z]/);
        for (const variant of Object.keys(VARIANTS[code] ?? {})) {
          const v = errorText({ code, params: { variant } }, lang, 'app');
          expect(`${v.detail} ${v.next}`, `${code}/${variant}`).not.toMatch(/wawi-register|--[a-z]/);
        }
      }
  });

  it('German screens get German sentences; the words of the program stay apart as technical details', async () => {
    const { errorText } = await import('../../shared/errors/text');
    for (const code of ERROR_CODES)
      for (const variant of [undefined, ...Object.keys(VARIANTS[code] ?? {})]) {
        const params = {
          ...(variant ? { variant } : {}),
          reason: 'ENOENT: no such thing',
          problems: 'x is wrong',
        };
        const de = errorText({ code, params }, 'de', 'app');
        const en = errorText({ code, params }, 'en', 'app');
        const where = `${code}/${variant ?? '-'}`;
        // Every sentence is written for each language (invalid-input's reason is the CLI's own words).
        if (code !== 'invalid-input') {
          expect(de.detail, where).not.toBe(en.detail);
          expect(`${de.title} ${de.detail}`, where).not.toContain('ENOENT');
          expect(de.technical, where).toContain('ENOENT');
        }
      }
    // A typed address the merchant gets wrong is explained in their language.
    expect(
      errorText({ code: 'invalid-address', params: { variant: 'scheme', scheme: 'ftp' } }, 'de', 'app')
        .detail,
    ).toBe('Möglich sind nur http und https, nicht ftp.');
  });
});
