// The wizard's shell: the language bar, the current screen, and the events that move between screens.
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../../shared/ipc/bridge';
import type { Lang } from '../../shared/lang';
import type { DiscoveredServer, FlowEvent, RegistrationRecord } from '../../shared/registration';
import { ActionBar, GlobeIcon, Step, toError } from './components/common';
import { I18n, TEXTS } from './i18n';
import { Connect } from './screens/connect';
import { Done } from './screens/done';
import { Failure } from './screens/failure';
import { Manage } from './screens/manage';
import { Removal } from './screens/removal';
import { Review } from './screens/review';
import { InsecureHttp, TrustCertificate } from './screens/trust';
import { Waiting } from './screens/waiting';
import {
  afterChoosing,
  afterEvent,
  decideStart,
  type Launch,
  resumed,
  retryScreen,
  type Screen,
  startScreen,
  waitingFor,
} from './wizard/screens';

/** Each language's name in itself. */
const LANG_NAMES: Record<Lang, string> = { de: 'Deutsch', en: 'English' };

export function App({ api }: { api: ApiClient }) {
  const [launch, setLaunch] = useState<Launch | null>(null);
  const [lang, setLang] = useState<Lang>('en');
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
      const [{ pending }, { registrations }] = await Promise.all([
        api.call('registrations:pending', {}).catch(() => ({ pending: [] })),
        l.action === 'rotate' || l.action === 'revoke'
          ? api.call('registrations:list', {}).catch(() => ({ registrations: [] as RegistrationRecord[] }))
          : { registrations: [] as RegistrationRecord[] },
      ]);
      const start = decideStart(l, pending, registrations);
      if ('resume' in start) {
        try {
          const { flowId } = await api.call('registration:resume', { account: start.resume.account });
          setScreen(resumed(start.resume, flowId));
          return;
        } catch {
          // fall through to the normal start
        }
      }
      setScreen('screen' in start ? start.screen : startScreen(l, registrations));
    });
    return off;
  }, [api]);

  // Follow the running flow: its events decide the next screen.
  useEffect(() => {
    const flowId = screen.name === 'waiting' || screen.name === 'removal' ? screen.flowId : undefined;
    const e = flowId ? events[flowId] : undefined;
    const next = e ? afterEvent(screen, e) : undefined;
    if (next) setScreen(next);
  }, [events, screen]);

  const changeLang = useCallback(
    (l: Lang) => {
      setLang(l);
      void api.call('lang:set', { lang: l });
    },
    [api],
  );

  const ctx = useMemo(() => ({ lang, t }), [lang, t]);
  const other: Lang = lang === 'de' ? 'en' : 'de';

  /** A further instance of the launching MultiInstance app: its flow runs like a registration. */
  const addInstance = useCallback(
    async (record: RegistrationRecord) => {
      try {
        const { flowId } = await api.call('registration:add-instance', { account: record.account });
        setScreen(waitingFor(record, flowId));
      } catch (err) {
        setScreen({ name: 'failure', error: toError(err), kind: 'register' });
      }
    },
    [api],
  );
  /** 409 without a key here: the merchant removes the app in Wawi, and the new request then goes out. */
  const replace = useCallback(
    async (server: DiscoveredServer) => {
      try {
        const { flowId } = await api.call('registration:start', {
          baseUrl: server.baseUrl,
          replaceRegistered: true,
          ...(server.certificatePin ? { certificatePin: server.certificatePin } : {}),
          ...(server.insecureHttp ? { insecureHttp: true as const } : {}),
        });
        setScreen({ name: 'waiting', server, flowId, from: 'review' });
      } catch (err) {
        setScreen({ name: 'failure', error: toError(err), kind: 'register', server });
      }
    },
    [api],
  );
  // Connect, review and send, accept in Wawi, done.
  const registerSteps = 4;

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
          server={screen.server}
          step={[2, registerSteps]}
          onBack={() => setScreen({ name: 'connect' })}
          notice={screen.notice}
          onStarted={(flowId) =>
            setScreen({ name: 'waiting', server: screen.server, flowId, from: 'review' })
          }
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
          step={[3, registerSteps]}
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
          step={screen.kind === 'register' ? [4, registerSteps] : undefined}
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
          launch={launch}
          server={screen.server}
          canRegister={!!launch?.manifest}
          actions={{
            onRetry: (() => {
              const next = retryScreen(screen, !!launch?.manifest);
              return next ? () => setScreen(next) : undefined;
            })(),
            onManage: () => setScreen({ name: 'manage' }),
            onStartOver: () => setScreen({ name: 'connect' }),
            onAddInstance: addInstance,
            onRotate: (record) => setScreen({ name: 'removal', kind: 'rotate', record }),
            onReplace: replace,
          }}
        />
      );
      break;
    case 'manage':
      body = (
        <Manage
          api={api}
          launch={launch!}
          notice={screen.notice}
          onRegister={() => setScreen({ name: 'connect' })}
          onRotate={(record) => setScreen({ name: 'removal', kind: 'rotate', record })}
          onRevoke={(record) => setScreen({ name: 'removal', kind: 'revoke', record })}
          onAddInstance={addInstance}
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
          <ActionBar>
            <button type="button" onClick={() => setScreen({ name: 'manage' })}>
              {t.manage}
            </button>
            <button type="button" className="primary" onClick={() => window.close()}>
              {t.close}
            </button>
          </ActionBar>
        </Step>
      );
      break;
  }

  return (
    <I18n.Provider value={ctx}>
      <header className="topbar">
        <span className="brand">{t.appTitle}</span>
        {/* A button, not a select: arrow keys must not switch the language on the way through. */}
        <button
          type="button"
          className="lang"
          lang={other}
          aria-label={`${TEXTS[other].switchLanguage}: ${LANG_NAMES[other]}`}
          onClick={() => changeLang(other)}
        >
          <GlobeIcon />
          {LANG_NAMES[other]}
        </button>
      </header>
      <main key={screen.name}>{body}</main>
    </I18n.Provider>
  );
}
