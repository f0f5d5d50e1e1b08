// The wizard's shell: the language bar, the start-up, the flows' events, and the machine
// (./wizard/machine.ts) whose state is the current screen.
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { ApiClient } from '../../shared/ipc/bridge';
import type { Lang } from '../../shared/lang';
import type { FlowEvent, RegistrationRecord } from '../../shared/registration';
import { LanguageSwitch } from './components/language-switch';
import { CurrentScreen } from './current-screen';
import { I18n, TEXTS } from './i18n';
import { reduce } from './wizard/machine';
import { decideStart, type Launch, resumed, startScreen } from './wizard/screens';

export function App({ api }: { api: ApiClient }) {
  const [launch, setLaunch] = useState<Launch | null>(null);
  const [lang, setLang] = useState<Lang>('en');
  const [screen, dispatch] = useReducer(reduce, { name: 'loading' });
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
          dispatch({ type: 'launched', screen: resumed(start.resume, flowId) });
          return;
        } catch {
          // fall through to the normal start
        }
      }
      dispatch({
        type: 'launched',
        screen: 'screen' in start ? start.screen : startScreen(l, registrations),
      });
    });
    return off;
  }, [api]);

  // Follow the running flow: its newest event goes to the machine (which ignores other flows' events).
  useEffect(() => {
    const flowId = screen.name === 'waiting' || screen.name === 'removal' ? screen.flowId : undefined;
    const event = flowId ? events[flowId] : undefined;
    if (event) dispatch({ type: 'flow-event', event });
  }, [events, screen]);

  const changeLang = useCallback(
    (l: Lang) => {
      setLang(l);
      void api.call('lang:set', { lang: l });
    },
    [api],
  );
  const ctx = useMemo(() => ({ lang, t }), [lang, t]);

  return (
    <I18n.Provider value={ctx}>
      <header className="topbar">
        <span className="brand">{t.appTitle}</span>
        <LanguageSwitch lang={lang} onSwitch={changeLang} />
      </header>
      <main key={screen.name}>
        <CurrentScreen api={api} launch={launch} screen={screen} events={events} dispatch={dispatch} />
      </main>
    </I18n.Provider>
  );
}
