import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../../shared/bridge';
import { type ErrorCode, errorText, type SerializedError } from '../../shared/errors';
import type { Response, UiLang } from '../../shared/ipc';
import { localizedText } from '../../shared/manifest';
import {
  type CertificateInfo,
  type DiscoveredServer,
  type FlowEvent,
  keyWaiting,
  type RegistrationRecord,
} from '../../shared/registration';
import { groupScopes } from '../../shared/scopes';
import { Alert, Step, toError } from './components/common';
import { CopyKey } from './components/copy-key';
import { elapsed, I18n, TEXTS, type Texts, useI18n } from './i18n';
import { type TrustTexts, useTrustTexts } from './i18n-trust';
import { InsecureHttp, RETRUST_CODES, Retrust, TrustCertificate } from './screens/trust';

type Launch = Response<'app:launch'>;
type FlowKind = 'register' | 'rotate' | 'revoke';

type Screen =
  | { name: 'loading' }
  | { name: 'connect' }
  | { name: 'trust'; server: DiscoveredServer & { certificate: CertificateInfo } }
  | { name: 'insecure'; server: DiscoveredServer }
  | { name: 'review'; server: DiscoveredServer }
  | { name: 'prepare'; server: DiscoveredServer }
  | { name: 'waiting'; server: DiscoveredServer; flowId: string }
  | { name: 'done'; record: RegistrationRecord; kind: FlowKind }
  | {
      name: 'failure';
      error: SerializedError;
      kind: FlowKind;
      server?: DiscoveredServer;
      record?: RegistrationRecord;
    }
  | { name: 'manage' }
  | { name: 'removal'; kind: 'rotate' | 'revoke'; record: RegistrationRecord; flowId?: string }
  | { name: 'revoked'; record: RegistrationRecord };

function Scopes({ scopes, lang, label, t }: { scopes: string[]; lang: UiLang; label: string; t: Texts }) {
  const groups = groupScopes(scopes, lang);
  return (
    <div className="scopes">
      <h2>{label}</h2>
      {groups.length === 0 ? (
        <p className="muted">{t.noScopes}</p>
      ) : (
        <dl>
          {groups.map((g) => (
            <div key={g.area} className="scope-group">
              <dt>{g.areaLabel}</dt>
              {g.scopes.map((s) => (
                <dd key={s.scope}>
                  {s.label} <code className="muted">{s.scope}</code>
                </dd>
              ))}
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

export function App({ api }: { api: ApiClient }) {
  const [launch, setLaunch] = useState<Launch | null>(null);
  const [lang, setLang] = useState<UiLang>('en');
  const [screen, setScreen] = useState<Screen>({ name: 'loading' });
  const [events, setEvents] = useState<Record<string, FlowEvent>>({});
  const t = TEXTS[lang];

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.appTitle;
  }, [lang, t]);

  useEffect(() => {
    const off = api.onFlowEvent((e) => setEvents((prev) => ({ ...prev, [e.flowId]: e })));
    void api.call('app:launch', {}).then(async (l) => {
      setLaunch(l);
      setLang(l.lang);
      // A registration the helper was closed during goes on first: its request is still in Wawi.
      const { pending } = await api.call('registrations:pending', {}).catch(() => ({ pending: [] }));
      // Only a request Wawi confirmed can be collected; an unconfirmed one is met when registering.
      const first = pending.find((p) => p.requestConfirmed);
      if (first) {
        try {
          const { flowId } = await api.call('registration:resume', { account: first.account });
          setScreen({ name: 'waiting', flowId, server: { ...first.server, apiStyle: 'v1' } });
          return;
        } catch {
          // fall through to the normal start
        }
      }
      // --action rotate|revoke: go straight to that flow for the launching app's registration, when
      // exactly one is on this computer; otherwise the list lets the merchant choose.
      if ((l.action === 'rotate' || l.action === 'revoke') && l.manifest) {
        const appId = l.manifest.AppId;
        const { registrations } = await api
          .call('registrations:list', {})
          .catch(() => ({ registrations: [] as RegistrationRecord[] }));
        const mine = registrations.filter((r) => r.appId === appId);
        if (mine.length === 1) {
          setScreen({ name: 'removal', kind: l.action, record: mine[0]! });
          return;
        }
      }
      if (l.action === 'register' && (l.manifest || l.manifestError)) {
        setScreen(
          l.manifestError
            ? { name: 'failure', error: l.manifestError, kind: 'register' }
            : { name: 'connect' },
        );
      } else setScreen({ name: 'manage' });
    });
    return off;
  }, [api]);

  // Follow the running flow: its final event decides the next screen.
  useEffect(() => {
    const flowId = screen.name === 'waiting' || screen.name === 'removal' ? screen.flowId : undefined;
    const e = flowId ? events[flowId] : undefined;
    if (!e) return;
    if (e.state === 'accepted' && e.record) setScreen({ name: 'done', record: e.record, kind: e.kind });
    else if (e.state === 'removed' && e.record) setScreen({ name: 'revoked', record: e.record });
    else if (e.error && ['failed', 'rejected', 'cancelled', 'timed-out'].includes(e.state)) {
      const server = screen.name === 'waiting' ? screen.server : undefined;
      const record = screen.name === 'removal' ? screen.record : undefined;
      setScreen({ name: 'failure', error: e.error, kind: e.kind, server, record });
    } else if (screen.name === 'removal' && e.kind === 'rotate' && e.state === 'waiting') {
      const s = e.server;
      setScreen({ name: 'waiting', flowId: e.flowId, server: { ...s, apiStyle: 'v1' } });
    }
  }, [events, screen]);

  const changeLang = useCallback(
    (l: UiLang) => {
      setLang(l);
      void api.call('lang:set', { lang: l });
    },
    [api],
  );

  const ctx = useMemo(() => ({ lang, t }), [lang, t]);
  const registerSteps = 5;

  let body: ReactNode;
  switch (screen.name) {
    case 'loading':
      body = <p role="status">{t.loading}</p>;
      break;
    case 'connect':
      body = (
        <Connect
          api={api}
          launch={launch!}
          onChosen={(server) => setScreen(afterChoosing(server))}
          step={[1, registerSteps]}
        />
      );
      break;
    case 'trust':
      body = (
        <TrustCertificate
          server={screen.server}
          step={[1, registerSteps]}
          onBack={() => setScreen({ name: 'connect' })}
          onTrust={(server) => setScreen({ name: 'review', server })}
        />
      );
      break;
    case 'insecure':
      body = (
        <InsecureHttp
          server={screen.server}
          step={[1, registerSteps]}
          onBack={() => setScreen({ name: 'connect' })}
          onConsent={(server) => setScreen({ name: 'review', server })}
        />
      );
      break;
    case 'review':
      body = (
        <Review
          api={api}
          launch={launch!}
          step={[2, registerSteps]}
          onBack={() => setScreen({ name: 'connect' })}
          onNext={() => setScreen({ name: 'prepare', server: screen.server })}
        />
      );
      break;
    case 'prepare':
      body = (
        <Prepare
          api={api}
          server={screen.server}
          step={[3, registerSteps]}
          onBack={() => setScreen({ name: 'review', server: screen.server })}
          onStarted={(flowId) => setScreen({ name: 'waiting', server: screen.server, flowId })}
          onError={(error) => setScreen({ name: 'failure', error, kind: 'register', server: screen.server })}
        />
      );
      break;
    case 'waiting':
      body = (
        <Waiting
          api={api}
          launch={launch!}
          event={events[screen.flowId]}
          flowId={screen.flowId}
          step={[4, registerSteps]}
        />
      );
      break;
    case 'done':
      body = (
        <Done
          api={api}
          launch={launch!}
          record={screen.record}
          kind={screen.kind}
          step={screen.kind === 'register' ? [5, registerSteps] : undefined}
          onManage={() => setScreen({ name: 'manage' })}
        />
      );
      break;
    case 'failure':
      body = (
        <Failure
          api={api}
          error={screen.error}
          account={screen.record?.account}
          onRetry={
            screen.kind === 'register' && launch?.manifest
              ? () => {
                  // A server problem goes back to choosing the server; anything else retries on the same one.
                  const serverProblem = [
                    'unreachable',
                    'tls-untrusted',
                    'bad-response',
                    'version-problem',
                  ].includes(screen.error.code);
                  setScreen(
                    serverProblem || !screen.server
                      ? { name: 'connect' }
                      : { name: 'prepare', server: screen.server },
                  );
                }
              : screen.record
                ? () =>
                    setScreen({
                      name: 'removal',
                      kind: screen.kind === 'revoke' ? 'revoke' : 'rotate',
                      record: screen.record!,
                    })
                : undefined
          }
          onManage={() => setScreen({ name: 'manage' })}
          canRegister={!!launch?.manifest}
          onStartOver={() => setScreen({ name: 'connect' })}
        />
      );
      break;
    case 'manage':
      body = (
        <Manage
          api={api}
          launch={launch!}
          onRegister={() => setScreen({ name: 'connect' })}
          onRotate={(record) => setScreen({ name: 'removal', kind: 'rotate', record })}
          onRevoke={(record) => setScreen({ name: 'removal', kind: 'revoke', record })}
        />
      );
      break;
    case 'removal':
      body = (
        <Removal
          api={api}
          kind={screen.kind}
          record={screen.record}
          flowId={screen.flowId}
          event={screen.flowId ? events[screen.flowId] : undefined}
          onStarted={(flowId) => setScreen({ ...screen, flowId })}
          onError={(error) => setScreen({ name: 'failure', error, kind: screen.kind, record: screen.record })}
          onBack={() => setScreen({ name: 'manage' })}
        />
      );
      break;
    case 'revoked':
      body = (
        <Step title={t.revokedTitle}>
          <p>{t.revokedText(screen.record.displayName)}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => setScreen({ name: 'manage' })}>
              {t.manage}
            </button>
          </div>
        </Step>
      );
      break;
  }

  return (
    <I18n.Provider value={ctx}>
      <header className="topbar">
        <span className="brand">{t.appTitle}</span>
        <label className="lang">
          {t.language}{' '}
          <select value={lang} onChange={(e) => changeLang(e.target.value as UiLang)}>
            <option value="de">Deutsch</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <main key={`${screen.name}-${lang}`}>{body}</main>
    </I18n.Provider>
  );
}

/** The account host rule writes every loopback name as 127.0.0.1 (see main/core/address.ts). */
const onThisComputer = (s: DiscoveredServer) => s.host === '127.0.0.1';

/** After choosing a server: compare an unknown certificate, or agree to plain http, before anything else. */
function afterChoosing(server: DiscoveredServer): Screen {
  if (server.certificate && !server.certificate.trusted)
    return { name: 'trust', server: { ...server, certificate: server.certificate } };
  if (!server.certificate && !onThisComputer(server)) return { name: 'insecure', server };
  return { name: 'review', server };
}

function transportLine(s: DiscoveredServer, tt: TrustTexts): string {
  if (s.certificate) return s.certificate.trusted ? tt.serverTrusted : tt.serverUntrusted;
  return onThisComputer(s) ? tt.serverPlainLocal : tt.serverPlain;
}

function Connect({
  api,
  launch,
  onChosen,
  step,
}: {
  api: ApiClient;
  launch: Launch;
  onChosen(s: DiscoveredServer): void;
  step: [number, number];
}) {
  const { t } = useI18n();
  const tt = useTrustTexts();
  const [servers, setServers] = useState<DiscoveredServer[] | null>(null);
  const [choice, setChoice] = useState<string>('other');
  const [address, setAddress] = useState(launch.wawi ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);

  const search = useCallback(() => {
    setServers(null);
    void api.call('servers:discover', {}).then((r) => {
      setServers(r.servers);
      if (r.servers.length > 0 && !launch.wawi) setChoice(r.servers[0]!.baseUrl);
    });
  }, [api, launch.wawi]);
  useEffect(search, [search]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const picked = servers?.find((s) => s.baseUrl === choice);
    if (picked) return onChosen(picked);
    setBusy(true);
    try {
      const { server } = await api.call('servers:check', { address });
      onChosen(server);
    } catch (err) {
      setError(toError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Step title={t.connectTitle} step={step}>
      <p>{t.connectIntro}</p>
      <p role="status" className="muted">
        {busy
          ? t.checking
          : servers === null
            ? t.searching
            : servers.length
              ? t.found(servers.length)
              : t.noneFound}
      </p>
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t.serversLegend}</legend>
          {servers?.map((s) => (
            <label key={s.baseUrl} className="choice">
              <input
                type="radio"
                name="server"
                value={s.baseUrl}
                checked={choice === s.baseUrl}
                onChange={() => setChoice(s.baseUrl)}
              />
              <span>
                <strong>{s.baseUrl}</strong>
                <span className="muted block">{t.serverLine(s.database, s.wawiVersion)}</span>
                <span className="muted block">{transportLine(s, tt)}</span>
              </span>
            </label>
          ))}
          <label className="choice">
            <input
              type="radio"
              name="server"
              value="other"
              checked={choice === 'other'}
              onChange={() => setChoice('other')}
            />
            <span>{t.otherAddress}</span>
          </label>
          {choice === 'other' && (
            <div className="field">
              <label htmlFor="address">{t.addressLabel}</label>
              <input
                id="address"
                type="text"
                inputMode="url"
                autoComplete="off"
                spellCheck={false}
                value={address}
                aria-describedby="address-hint"
                aria-invalid={error ? true : undefined}
                onChange={(e) => setAddress(e.target.value)}
                required
              />
              <p id="address-hint" className="muted">
                {t.addressHint}
              </p>
            </div>
          )}
        </fieldset>
        {error && <Alert error={error} />}
        <div className="actions">
          <button type="button" onClick={search} disabled={servers === null}>
            {t.searchAgain}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={busy || (choice === 'other' && address.trim() === '')}
          >
            {t.checkAndContinue}
          </button>
        </div>
      </form>
    </Step>
  );
}

function AppHeader({ launch }: { launch: Launch }) {
  const { lang, t } = useI18n();
  const m = launch.manifest!;
  const text = localizedText(m, lang);
  return (
    <div className="app-card">
      <img src={`data:image/png;base64,${m.AppIcon}`} alt="" width={56} height={56} />
      <div>
        <p className="app-name">{text.name}</p>
        <p className="muted">
          {t.by} {m.ProviderName}
        </p>
      </div>
    </div>
  );
}

function Review({
  api,
  launch,
  step,
  onBack,
  onNext,
}: {
  api: ApiClient;
  launch: Launch;
  step: [number, number];
  onBack(): void;
  onNext(): void;
}) {
  const { lang, t } = useI18n();
  const m = launch.manifest!;
  const text = localizedText(m, lang);
  return (
    <Step title={t.reviewTitle} step={step}>
      <p>{t.reviewIntro}</p>
      <AppHeader launch={launch} />
      <p>{text.description}</p>
      <dl className="facts">
        <dt>{t.provider}</dt>
        <dd>{m.ProviderName}</dd>
        <dt>{t.website}</dt>
        <dd>
          {m.ProviderWebsite}{' '}
          <button type="button" className="link" onClick={() => void api.call('app:open-website', {})}>
            {t.openWebsite}
          </button>
        </dd>
        <dt>{t.version}</dt>
        <dd>
          {m.Version} <code className="muted">{m.AppId}</code>
        </dd>
      </dl>
      <Scopes scopes={m.MandatoryApiScopes} lang={lang} label={t.mandatoryScopes} t={t} />
      {(m.OptionalApiScopes?.length ?? 0) > 0 && (
        <Scopes scopes={m.OptionalApiScopes ?? []} lang={lang} label={t.optionalScopes} t={t} />
      )}
      <div className="actions">
        <button type="button" onClick={onBack}>
          {t.back}
        </button>
        <button type="button" className="primary" onClick={onNext}>
          {t.continue}
        </button>
      </div>
    </Step>
  );
}

function Prepare({
  api,
  server,
  step,
  onBack,
  onStarted,
  onError,
}: {
  api: ApiClient;
  server: DiscoveredServer;
  step: [number, number];
  onBack(): void;
  onStarted(flowId: string): void;
  onError(e: SerializedError): void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      // The trust the merchant gave on the screens before: a compared certificate, or plain http.
      const { flowId } = await api.call('registration:start', {
        baseUrl: server.baseUrl,
        ...(server.certificatePin ? { certificatePin: server.certificatePin } : {}),
        ...(server.insecureHttp ? { insecureHttp: true as const } : {}),
      });
      onStarted(flowId);
    } catch (err) {
      onError(toError(err));
    }
  };
  return (
    <Step title={t.prepareTitle} step={step}>
      <p>{t.prepareIntro}</p>
      <ol className="howto">
        {t.prepareSteps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <p>{t.prepareReady}</p>
      <p role="status" className="muted">
        {busy ? t.sending : ''}
      </p>
      <div className="actions">
        <button type="button" onClick={onBack} disabled={busy}>
          {t.back}
        </button>
        <button type="button" className="primary" onClick={send} disabled={busy}>
          {t.send}
        </button>
      </div>
    </Step>
  );
}

/** A flow's elapsed time, ticking once a second between its events. */
function useElapsed(event: FlowEvent | undefined): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const seen = useRef<{ event?: FlowEvent; at: number }>({ at: Date.now() });
  if (seen.current.event !== event) seen.current = { event, at: Date.now() };
  return event ? event.elapsedMs + Math.max(0, now - seen.current.at) : 0;
}

function progressText(
  e: FlowEvent | undefined,
  t: Texts,
  lang: UiLang,
  elapsedMs: number,
  waitingText: (t: string) => string,
): string {
  const time = elapsed(elapsedMs);
  if (!e) return waitingText(time);
  if (e.state === 'storing') return t.storing;
  if (e.state === 'verifying') return t.verifying;
  if (e.transient)
    return t.retrying(errorText(e.transient, lang, 'app').title, Math.round((e.nextPollInMs ?? 0) / 1000));
  return waitingText(time);
}

function Waiting({
  api,
  launch,
  event,
  flowId,
  step,
}: {
  api: ApiClient;
  launch: Launch | null;
  event?: FlowEvent;
  flowId: string;
  step?: [number, number];
}) {
  const { lang, t } = useI18n();
  const elapsedMs = useElapsed(event);
  const name = event?.displayName ?? launch?.manifest?.DisplayName ?? '';
  const provider = launch?.manifest?.ProviderName;
  return (
    <Step title={t.waitingTitle} step={step}>
      <p>{t.lookFor}</p>
      {launch?.manifest && event?.appId === launch.manifest.AppId ? (
        <AppHeader launch={launch} />
      ) : (
        <p className="app-name">
          {name}
          {provider ? ` · ${t.by} ${provider}` : ''}
        </p>
      )}
      <ol className="howto">
        {t.acceptSteps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      {keyWaiting(event) && event ? (
        <KeyWaiting api={api} flowId={flowId} event={event} />
      ) : (
        <>
          <p role="status" className="progress">
            <span className="spinner" aria-hidden="true" />{' '}
            {progressText(event, t, lang, elapsedMs, t.stillWaiting)}
          </p>
          <div className="actions">
            <button type="button" onClick={() => void api.call('flow:cancel', { flowId })}>
              {t.cancel}
            </button>
          </div>
        </>
      )}
    </Step>
  );
}

/** A warning before something that can't be undone: the dangerous action, and keeping things as they are. */
function DangerConfirm(props: {
  warning: string;
  confirmLabel: string;
  keepLabel: string;
  onConfirm(): void;
  onKeep(): void;
}) {
  return (
    <>
      <p>{props.warning}</p>
      <div className="actions">
        <button type="button" className="danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
        <button type="button" className="primary" onClick={props.onKeep}>
          {props.keepLabel}
        </button>
      </div>
    </>
  );
}

/**
 * Accepted, but the keychain refuses the key: it is kept in memory and retried. The merchant unlocks
 * the keychain and retries, or gives the key up after a warning that it is then lost.
 */
function KeyWaiting({ api, flowId, event }: { api: ApiClient; flowId: string; event: FlowEvent }) {
  const { lang, t } = useI18n();
  const [confirm, setConfirm] = useState(false);
  const unlock = event.transient ? errorText(event.transient, lang, 'app').next : '';
  return (
    <div className="alert" role="alert">
      <p className="alert-title">{t.keyWaitingTitle}</p>
      <p>{t.keyWaitingText}</p>
      <p>
        <strong>{unlock}</strong>
      </p>
      {confirm ? (
        <DangerConfirm
          warning={t.giveUpWarning}
          confirmLabel={t.giveUpKey}
          keepLabel={t.keepTrying}
          onConfirm={() => void api.call('flow:cancel', { flowId })}
          onKeep={() => setConfirm(false)}
        />
      ) : (
        <div className="actions">
          <button type="button" className="primary" onClick={() => void api.call('flow:retry', { flowId })}>
            {t.retryNow}
          </button>
          <button type="button" onClick={() => setConfirm(true)}>
            {t.cancel}
          </button>
        </div>
      )}
    </div>
  );
}

function Done({
  api,
  launch,
  record,
  kind,
  step,
  onManage,
}: {
  api: ApiClient;
  launch: Launch;
  record: RegistrationRecord;
  kind: FlowKind;
  step?: [number, number];
  onManage(): void;
}) {
  const { lang, t } = useI18n();
  const verified =
    record.lastVerifyResult === 'works'
      ? t.verifiedWorks
      : record.lastVerifyResult === 'missing-scope'
        ? t.verifiedScope
        : record.lastVerifyResult === 'rejected'
          ? t.verifiedRejected
          : t.verifiedUnknown;
  // Only the app that launched the helper gets its key copied: that app is waiting for it.
  const canCopy = launch.manifest?.AppId === record.appId;
  return (
    <Step title={kind === 'rotate' ? t.rotatedTitle : t.doneTitle} step={step}>
      <p>{t.doneIntro(record.displayName)}</p>
      <dl className="facts">
        <dt>{t.keyStored}</dt>
        <dd>{t.keychain(launch.platform)}</dd>
        <dt>{t.entryName}</dt>
        <dd>
          <code>
            {launch.keychainService}/{record.account}
          </code>
        </dd>
        <dt>{t.colServer}</dt>
        <dd>{record.server.baseUrl}</dd>
      </dl>
      <p className={record.lastVerifyResult === 'works' ? 'ok' : 'warn'}>{verified}</p>
      <Scopes scopes={record.grantedScopes} lang={lang} label={t.granted} t={t} />
      {canCopy && <CopyKey api={api} account={record.account} />}
      <div className="actions">
        <button type="button" onClick={onManage}>
          {t.manage}
        </button>
        <button type="button" className="primary" onClick={() => window.close()}>
          {t.close}
        </button>
      </div>
    </Step>
  );
}

function Failure({
  api,
  error,
  account,
  onRetry,
  onManage,
  onStartOver,
  canRegister,
}: {
  api: ApiClient;
  error: SerializedError;
  /** The registration a management flow failed for (its server can be trusted again here). */
  account?: string;
  onRetry?: () => void;
  onManage(): void;
  onStartOver(): void;
  canRegister: boolean;
}) {
  const { lang, t } = useI18n();
  const text = errorText(error, lang, 'app');
  const final: ErrorCode[] = ['manifest-invalid', 'licence-missing', 'invalid-input', 'request-unconfirmed'];
  const [discardError, setDiscardError] = useState<SerializedError | null>(null);
  const unconfirmed =
    error.code === 'request-unconfirmed' || error.params?.pendingKept === 'unconfirmed'
      ? error.params?.account
      : undefined;
  // A request that is still waiting in Wawi can be dropped here too, after a warning.
  const kept = error.params?.pendingKept === 'true' ? error.params.account : undefined;
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const discard = async (account: string) => {
    try {
      await api.call('registration:discard', { account });
      (onRetry ?? onStartOver)();
    } catch (err) {
      setDiscardError(toError(err));
    }
  };
  return (
    <Step title={text.title}>
      <Alert error={error} onlyDetail />
      {account && RETRUST_CODES.includes(error.code) && (
        <Retrust api={api} account={account} error={error} onDone={onRetry ?? onManage} />
      )}
      {discardError && <Alert error={discardError} />}
      {kept && confirmDiscard && (
        <div className="alert" role="alert">
          <DangerConfirm
            warning={t.discardWarning}
            confirmLabel={t.discardRequest}
            keepLabel={t.keepRequest}
            onConfirm={() => void discard(kept)}
            onKeep={() => setConfirmDiscard(false)}
          />
        </div>
      )}
      <div className="actions">
        {kept && !confirmDiscard && (
          <button type="button" onClick={() => setConfirmDiscard(true)}>
            {t.discardRequest}
          </button>
        )}
        {unconfirmed && (
          <button type="button" className="primary" onClick={() => void discard(unconfirmed)}>
            {t.discardAndStartOver}
          </button>
        )}
        {error.code === 'already-registered' && (
          <button type="button" onClick={onManage}>
            {t.rotate}
          </button>
        )}
        {!final.includes(error.code) && onRetry && (
          <button type="button" className="primary" onClick={onRetry}>
            {error.code === 'rejected' || error.code === 'cancelled' ? t.startOver : t.tryAgain}
          </button>
        )}
        {!onRetry && canRegister && !final.includes(error.code) && (
          <button type="button" className="primary" onClick={onStartOver}>
            {t.startOver}
          </button>
        )}
        <button type="button" onClick={onManage}>
          {t.manage}
        </button>
      </div>
    </Step>
  );
}

function Manage({
  api,
  launch,
  onRegister,
  onRotate,
  onRevoke,
}: {
  api: ApiClient;
  launch: Launch;
  onRegister(): void;
  onRotate(r: RegistrationRecord): void;
  onRevoke(r: RegistrationRecord): void;
}) {
  const { t } = useI18n();
  const tt = useTrustTexts();
  const [list, setList] = useState<RegistrationRecord[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<SerializedError | null>(null);
  /** The registration a check failed for, so its server can be trusted again. */
  const [failedAccount, setFailedAccount] = useState<string | null>(null);
  const [forget, setForget] = useState<RegistrationRecord | null>(null);
  const [notice, setNotice] = useState('');
  const forgetHeading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    async (verify = false) => {
      setError(null);
      setBusy(verify ? 'all' : null);
      try {
        setList((await api.call('registrations:list', { verify })).registrations);
      } catch (err) {
        setError(toError(err));
      } finally {
        setBusy(null);
      }
    },
    [api],
  );
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (forget) forgetHeading.current?.focus();
  }, [forget]);

  const verify = async (r: RegistrationRecord) => {
    setBusy(r.account);
    setError(null);
    setFailedAccount(r.account);
    try {
      const { record } = await api.call('registration:verify', { account: r.account });
      setList((prev) => prev?.map((x) => (x.account === r.account ? record : x)) ?? null);
      setNotice(`${r.displayName}: ${t.status[record.lastVerifyResult ?? 'unknown']}`);
    } catch (err) {
      setError(toError(err));
    } finally {
      setBusy(null);
    }
  };

  const doForget = async (r: RegistrationRecord) => {
    try {
      await api.call('registration:forget', { account: r.account });
      setForget(null);
      setNotice(t.forgotten);
      await load();
    } catch (err) {
      setError(toError(err));
    }
  };

  return (
    <Step title={t.manageTitle}>
      <p>{t.manageIntro}</p>
      <p role="status" className="muted">
        {list === null ? t.loading : busy === 'all' ? t.checking : notice}
      </p>
      {error && <Alert error={error} />}
      {error && failedAccount && RETRUST_CODES.includes(error.code) && (
        <Retrust
          api={api}
          account={failedAccount}
          error={error}
          onDone={() => {
            setError(null);
            setNotice(tt.retrusted);
          }}
        />
      )}
      {list && list.length === 0 && <p>{t.none}</p>}
      {list && list.length > 0 && (
        <ul className="regs">
          {list.map((r) => (
            <li key={r.account} className="reg" aria-labelledby={`reg-${r.fingerprint}`}>
              <div className="reg-head">
                <h2 id={`reg-${r.fingerprint}`}>{r.displayName}</h2>
                <span className={`badge badge-${r.lastVerifyResult ?? 'unknown'}`}>
                  {t.status[r.lastVerifyResult ?? 'unknown']}
                </span>
              </div>
              <dl className="facts compact">
                <dt>{t.colServer}</dt>
                <dd>{r.server.baseUrl}</dd>
                <dt>{t.colApp}</dt>
                <dd>
                  <code>{r.appId}</code>
                </dd>
                <dt>{t.colKey}</dt>
                <dd>
                  <code>{r.fingerprint}…</code>
                </dd>
              </dl>
              <div className="row-actions">
                <button
                  type="button"
                  onClick={() => verify(r)}
                  disabled={busy !== null}
                  aria-label={`${t.verify}: ${r.displayName}`}
                >
                  {t.verify}
                </button>
                <button
                  type="button"
                  onClick={() => onRotate(r)}
                  aria-label={`${t.rotate}: ${r.displayName}`}
                >
                  {t.rotate}
                </button>
                <button
                  type="button"
                  onClick={() => onRevoke(r)}
                  aria-label={`${t.revoke}: ${r.displayName}`}
                >
                  {t.revoke}
                </button>
                <button
                  type="button"
                  className="subtle"
                  onClick={() => setForget(r)}
                  aria-label={`${t.forget}: ${r.displayName}`}
                >
                  {t.forget}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {forget && (
        <section className="confirm" aria-labelledby="forget-title">
          <h2 id="forget-title" tabIndex={-1} ref={forgetHeading}>
            {t.forgetTitle}
          </h2>
          <p>{t.forgetText(forget.displayName)}</p>
          <div className="actions">
            <button type="button" onClick={() => setForget(null)}>
              {t.cancel}
            </button>
            <button type="button" className="danger" onClick={() => doForget(forget)}>
              {t.forgetConfirm}
            </button>
          </div>
        </section>
      )}
      <div className="actions">
        {list && list.length > 0 && (
          <button type="button" onClick={() => load(true)} disabled={busy !== null}>
            {t.checkAll}
          </button>
        )}
        {launch.manifest && (
          <button type="button" className="primary" onClick={onRegister}>
            {t.registerApp}
          </button>
        )}
      </div>
    </Step>
  );
}

function Removal({
  api,
  kind,
  record,
  flowId,
  event,
  onStarted,
  onError,
  onBack,
}: {
  api: ApiClient;
  kind: 'rotate' | 'revoke';
  record: RegistrationRecord;
  flowId?: string;
  event?: FlowEvent;
  onStarted(flowId: string): void;
  onError(e: SerializedError): void;
  onBack(): void;
}) {
  const { lang, t } = useI18n();
  const elapsedMs = useElapsed(event);
  const started = useRef(false);
  useEffect(() => {
    if (started.current || flowId) return;
    started.current = true;
    api.call(kind === 'rotate' ? 'rotate:start' : 'revoke:start', { account: record.account }).then(
      (r) => onStarted(r.flowId),
      (err: unknown) => onError(toError(err)),
    );
  }, [api, kind, record.account, flowId, onStarted, onError]);

  return (
    <Step title={kind === 'rotate' ? t.rotateTitle : t.revokeTitle}>
      <p>{kind === 'rotate' ? t.rotateWhy : t.revokeWhy}</p>
      <ol className="howto">
        {[...t.removeSteps(record.displayName), ...(kind === 'rotate' ? t.rotateMore : [])].map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      <p role="status" className="progress">
        <span className="spinner" aria-hidden="true" />{' '}
        {event?.state === 'sending'
          ? t.waitingDialog
          : event?.oldKeyDead
            ? t.oldKeyDead
            : progressText(event, t, lang, elapsedMs, t.waitingRemoval)}
      </p>
      <div className="actions">
        <button type="button" onClick={() => (flowId ? void api.call('flow:cancel', { flowId }) : onBack())}>
          {t.cancel}
        </button>
        {kind === 'rotate' && (
          <button
            type="button"
            className="primary"
            disabled={!flowId || event?.oldKeyDead === true || event?.state === 'sending'}
            onClick={() => flowId && void api.call('rotate:confirm-removed', { flowId })}
          >
            {t.removed}
          </button>
        )}
      </div>
    </Step>
  );
}
