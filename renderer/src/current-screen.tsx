// The current screen of the wizard: a view of the machine's state (./wizard/machine.ts), each
// screen's acts sent to it as actions. Nothing here starts a flow or holds its state.
import type { Dispatch } from 'react';
import type { ApiClient } from '../../shared/ipc/bridge';
import { ActionBar, Alert, FinishedBar, Step } from './components/common';
import { useI18n } from './i18n';
import { Connect } from './screens/connect';
import { Done } from './screens/done';
import { Failure } from './screens/failure';
import { Manage } from './screens/manage';
import { Removal } from './screens/removal';
import { Review } from './screens/review';
import { InsecureHttp, TrustCertificate } from './screens/trust';
import { Waiting } from './screens/waiting';
import type { Action, Wizard } from './wizard/machine';
import { appName } from './wizard/screens';

/** Connect, check and send, accept in Wawi, done. */
const STEPS = 4;

export function CurrentScreen({
  api,
  wizard,
  send,
}: {
  api: ApiClient;
  wizard: Wizard;
  send: Dispatch<Action>;
}) {
  const { lang, t } = useI18n();
  if (wizard.launch === null) {
    const { screen } = wizard;
    if (screen.name === 'loading') return <p role="status">{t.loading}</p>;
    // The start-up failed: what happened, and trying it again.
    return (
      <Step title={t.startFailedTitle}>
        <Alert error={screen.error} />
        <ActionBar>
          <button type="button" onClick={() => window.close()}>
            {t.close}
          </button>
          <button type="button" className="primary" onClick={() => send({ type: 'reload' })}>
            {t.tryAgain}
          </button>
        </ActionBar>
      </Step>
    );
  }
  const { launch, screen, events } = wizard;
  const manage = () => send({ type: 'manage' });

  switch (screen.name) {
    case 'resuming':
    case 'starting':
      return <p role="status">{screen.name === 'resuming' ? t.loading : t.sending}</p>;
    case 'connect':
      return (
        <Connect
          api={api}
          launch={launch}
          discovery={screen.discovery}
          onSearchAgain={() => send({ type: 'search-again' })}
          onChosen={(server) => send({ type: 'server-chosen', server })}
          step={[1, STEPS]}
        />
      );
    case 'trust':
      return (
        <TrustCertificate
          server={screen.server}
          step={[1, STEPS]}
          onBack={() => send({ type: 'back' })}
          onTrust={(server) => send({ type: 'trusted', server })}
        />
      );
    case 'insecure':
      return (
        <InsecureHttp
          server={screen.server}
          step={[1, STEPS]}
          onBack={() => send({ type: 'back' })}
          onConsent={(server) => send({ type: 'trusted', server })}
        />
      );
    case 'review':
      // Reached only with a manifest (the start and every way back need one).
      return launch.manifest ? (
        <Review
          api={api}
          manifest={launch.manifest}
          launch={launch}
          server={screen.server}
          step={[2, STEPS]}
          sending={!!screen.sending}
          notice={screen.notice}
          onBack={() => send({ type: 'back' })}
          onSend={() => send({ type: 'send' })}
        />
      ) : null;
    case 'waiting':
      return (
        <Waiting
          api={api}
          launch={launch}
          event={events[screen.flowId]}
          flowId={screen.flowId}
          step={[3, STEPS]}
        />
      );
    case 'done':
      return (
        <Done
          api={api}
          launch={launch}
          record={screen.record}
          kind={screen.kind}
          step={screen.kind === 'register' ? [4, STEPS] : undefined}
          onManage={manage}
        />
      );
    case 'failure':
      return <Failure api={api} failure={screen} launch={launch} send={send} />;
    case 'manage':
      return (
        <Manage
          api={api}
          launch={launch}
          notice={screen.notice}
          onRegister={() => send({ type: 'register' })}
          onRotate={(record) => send({ type: 'rotate', record })}
          onRevoke={(record) => send({ type: 'revoke', record })}
          onAddInstance={(first) => send({ type: 'add-instance', first })}
        />
      );
    case 'removal':
      return (
        <Removal
          api={api}
          kind={screen.kind}
          record={screen.record}
          flowId={screen.flowId}
          event={screen.flowId ? events[screen.flowId] : undefined}
          onBack={() => send({ type: 'back' })}
        />
      );
    case 'revoked':
      return (
        <Step title={t.revokedTitle}>
          <p>{t.revokedText(appName(launch, lang, screen.record.appId, screen.record.displayName))}</p>
          <FinishedBar onManage={manage} />
        </Step>
      );
  }
}
