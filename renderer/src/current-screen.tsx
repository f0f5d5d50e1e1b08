// The current screen of the wizard, wired to the machine (./wizard/machine.ts): each screen's acts
// become actions; calls that start a flow from the failure or the list dispatch what they led to.
import type { Dispatch } from 'react';
import type { ApiClient } from '../../shared/ipc/bridge';
import type { DiscoveredServer, FlowEvent, RegistrationRecord } from '../../shared/registration';
import { FinishedBar, Step, toError } from './components/common';
import { useI18n } from './i18n';
import { Connect } from './screens/connect';
import { Done } from './screens/done';
import { Failure } from './screens/failure';
import { Manage } from './screens/manage';
import { Removal } from './screens/removal';
import { Review } from './screens/review';
import { InsecureHttp, TrustCertificate } from './screens/trust';
import { Waiting } from './screens/waiting';
import type { Action } from './wizard/machine';
import { type Launch, retryScreen, type Screen, shown } from './wizard/screens';

/** Connect, check and send, accept in Wawi, done. */
const STEPS = 4;

export function CurrentScreen({
  api,
  launch,
  screen,
  events,
  dispatch,
}: {
  api: ApiClient;
  launch: Launch | null;
  screen: Screen;
  events: Record<string, FlowEvent>;
  dispatch: Dispatch<Action>;
}) {
  const { t } = useI18n();
  const canRegister = !!launch?.manifest;

  /** A further instance of the launching MultiInstance app: its flow runs like a registration. */
  const addInstance = async (record: RegistrationRecord) => {
    try {
      const { flowId } = await api.call('registration:add-instance', { account: record.account });
      dispatch({ type: 'flow-started', flowId, server: shown(record.server) });
    } catch (err) {
      dispatch({ type: 'failed', error: toError(err), kind: 'register' });
    }
  };
  /** 409 without a key here: the merchant removes the app in Wawi, and the new request then goes out. */
  const replace = async (server: DiscoveredServer) => {
    try {
      const { flowId } = await api.call('registration:start', {
        baseUrl: server.baseUrl,
        replaceRegistered: true,
        ...(server.certificatePin ? { certificatePin: server.certificatePin } : {}),
        ...(server.insecureHttp ? { insecureHttp: true as const } : {}),
      });
      dispatch({ type: 'flow-started', flowId, server });
    } catch (err) {
      dispatch({ type: 'failed', error: toError(err), kind: 'register', server });
    }
  };
  const manage = () => dispatch({ type: 'manage' });

  switch (screen.name) {
    case 'loading':
      return <p role="status">{t.loading}</p>;
    case 'connect':
      return (
        <Connect
          api={api}
          launch={launch!}
          onChosen={(server) => dispatch({ type: 'server-chosen', server })}
          step={[1, STEPS]}
        />
      );
    case 'trust':
      return (
        <TrustCertificate
          server={screen.server}
          step={[1, STEPS]}
          onBack={() => dispatch({ type: 'back' })}
          onTrust={(server) => dispatch({ type: 'trusted', server })}
        />
      );
    case 'insecure':
      return (
        <InsecureHttp
          server={screen.server}
          step={[1, STEPS]}
          onBack={() => dispatch({ type: 'back' })}
          onConsent={(server) => dispatch({ type: 'trusted', server })}
        />
      );
    case 'review':
      return (
        <Review
          api={api}
          launch={launch!}
          server={screen.server}
          step={[2, STEPS]}
          notice={screen.notice}
          onBack={() => dispatch({ type: 'back' })}
          onStarted={(flowId) => dispatch({ type: 'sent', flowId })}
          onError={(error) => dispatch({ type: 'failed', error, kind: 'register', server: screen.server })}
        />
      );
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
          launch={launch!}
          record={screen.record}
          kind={screen.kind}
          step={screen.kind === 'register' ? [4, STEPS] : undefined}
          onManage={manage}
        />
      );
    case 'failure':
      return (
        <Failure
          api={api}
          error={screen.error}
          account={screen.record?.account}
          launch={launch}
          server={screen.server}
          canRegister={canRegister}
          actions={{
            onRetry: retryScreen(screen, canRegister)
              ? () => dispatch({ type: 'retry', canRegister })
              : undefined,
            onManage: manage,
            onStartOver: () => dispatch({ type: 'start-over' }),
            onAddInstance: (r) => void addInstance(r),
            onRotate: (record) => dispatch({ type: 'rotate', record }),
            onReplace: (server) => void replace(server),
          }}
        />
      );
    case 'manage':
      return (
        <Manage
          api={api}
          launch={launch!}
          notice={screen.notice}
          onRegister={() => dispatch({ type: 'register' })}
          onRotate={(record) => dispatch({ type: 'rotate', record })}
          onRevoke={(record) => dispatch({ type: 'revoke', record })}
          onAddInstance={(r) => void addInstance(r)}
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
          onStarted={(flowId) => dispatch({ type: 'removal-started', flowId })}
          onError={(error) => dispatch({ type: 'failed', error, kind: screen.kind })}
          onBack={() => dispatch({ type: 'back' })}
        />
      );
    case 'revoked':
      return (
        <Step title={t.revokedTitle}>
          <p>{t.revokedText(screen.record.displayName)}</p>
          <FinishedBar onManage={manage} />
        </Step>
      );
  }
}
