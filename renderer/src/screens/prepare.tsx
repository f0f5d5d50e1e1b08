// Step 3: open the registration dialog in JTL-Wawi, then send the request.
import { useState } from 'react';
import type { SerializedError } from '../../../shared/errors/schema';
import type { ApiClient } from '../../../shared/ipc/bridge';
import type { DiscoveredServer } from '../../../shared/registration';
import { Step, toError } from '../components/common';
import { useI18n } from '../i18n';

export function Prepare({
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
