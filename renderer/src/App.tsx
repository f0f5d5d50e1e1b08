// The wizard's shell: the language bar and the machine (./wizard/machine.ts) whose state is the
// current screen. Start-up, flow events and the effects run in the machine's hook.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../../shared/ipc/bridge';
import type { Lang } from '../../shared/lang';
import { LanguageSwitch } from './components/language-switch';
import { CurrentScreen } from './current-screen';
import { I18n, TEXTS } from './i18n';
import { useWizard } from './wizard/use-wizard';

export function App({ api }: { api: ApiClient }) {
  const [wizard, send] = useWizard(api);
  // The language the merchant chose here wins over the one the launch named.
  const [chosen, setChosen] = useState<Lang | null>(null);
  const lang = chosen ?? wizard.launch?.lang ?? 'en';
  const t = TEXTS[lang];

  // A vendor-branded build is named as the vendor named it; the helper itself in the merchant's language.
  const title = wizard.launch?.productName ?? t.appTitle;
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = title;
  }, [lang, title]);

  const changeLang = useCallback(
    (l: Lang) => {
      setChosen(l);
      void api.call('lang:set', { lang: l });
    },
    [api],
  );
  const ctx = useMemo(() => ({ lang, t }), [lang, t]);

  return (
    <I18n.Provider value={ctx}>
      <header className="topbar">
        <span className="brand">
          <bdi>{title}</bdi>
        </span>
        <LanguageSwitch lang={lang} onSwitch={changeLang} />
      </header>
      <main key={wizard.screen.name}>
        <CurrentScreen api={api} wizard={wizard} send={send} />
      </main>
    </I18n.Provider>
  );
}
