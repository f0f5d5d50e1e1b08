// The trust screens: a certificate this computer does not know (compare, then trust it: it is pinned),
// a renewed certificate of a registered server (old and new side by side), and plain http on the
// network (what travels unencrypted, and what to prefer).
import { useState } from 'react';
import type { SerializedError } from '../../../shared/errors/schema';
import type { ApiClient } from '../../../shared/ipc/bridge';
import type { CertificateInfo, DiscoveredServer } from '../../../shared/registration';
import { formatDateTime } from '../../../shared/time';
import { ActionBar, Alert, BusyButton, Step, toError } from '../components/common';
import { useI18n } from '../i18n';
import { useTrustTexts } from '../i18n-trust';

/** A fingerprint in groups of four pairs, so it can be read out and compared pair by pair. */
export function Fingerprint({ value }: { value: string }) {
  const pairs = value.split(':');
  const groups = Array.from({ length: Math.ceil(pairs.length / 4) }, (_, i) =>
    pairs.slice(i * 4, i * 4 + 4).join(':'),
  );
  // Each group but the last ends with its colon, so the text reads (and copies) as the whole value.
  return (
    <code className="fingerprint" data-fingerprint={value}>
      {groups.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a group's place is its identity
        <span key={i}>{i < groups.length - 1 ? `${g}:` : g}</span>
      ))}
    </code>
  );
}

function CertificateFacts({ certificate }: { certificate: CertificateInfo }) {
  const { lang } = useI18n();
  const tt = useTrustTexts();
  const until = Number.isNaN(Date.parse(certificate.validTo))
    ? certificate.validTo
    : formatDateTime(certificate.validTo, lang);
  return (
    <dl className="facts">
      <dt>{tt.fingerprint}</dt>
      <dd>
        <Fingerprint value={certificate.fingerprint} />
      </dd>
      <dt>{tt.subject}</dt>
      <dd>{certificate.subject}</dd>
      <dt>{tt.validUntil}</dt>
      <dd>{until}</dd>
    </dl>
  );
}

function HowToCompare() {
  const tt = useTrustTexts();
  return (
    <>
      <h2>{tt.howToCompare}</h2>
      <ol className="howto">
        {tt.compareSteps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
    </>
  );
}

/** Before the first request: the merchant compares the certificate and trusts it, or goes back. */
export function TrustCertificate({
  server,
  step,
  onTrust,
  onBack,
}: {
  server: DiscoveredServer & { certificate: CertificateInfo };
  step: [number, number];
  onTrust(s: DiscoveredServer): void;
  onBack(): void;
}) {
  const { t } = useI18n();
  const tt = useTrustTexts();
  return (
    <Step title={tt.trustTitle} step={step}>
      <p>{tt.trustIntro(server.baseUrl)}</p>
      <CertificateFacts certificate={server.certificate} />
      <HowToCompare />
      <p className="muted">{tt.trustPinned}</p>
      <ActionBar>
        <button type="button" onClick={onBack}>
          {t.back}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => onTrust({ ...server, certificatePin: server.certificate.fingerprint })}
        >
          {tt.trustConfirm}
        </button>
      </ActionBar>
    </Step>
  );
}

/** Plain http to another computer: the risks, the advice, and an explicit choice. */
export function InsecureHttp({
  server,
  step,
  onConsent,
  onBack,
}: {
  server: DiscoveredServer;
  step: [number, number];
  onConsent(s: DiscoveredServer): void;
  onBack(): void;
}) {
  const tt = useTrustTexts();
  return (
    <Step title={tt.insecureTitle} step={step}>
      <p>{tt.insecureIntro(server.baseUrl)}</p>
      <ul className="risks">
        {tt.insecureRisks.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p>
        <strong>{tt.insecureAdvice}</strong>
      </p>
      {/* The recommended way out is the primary button, on the right as on every screen. */}
      <ActionBar>
        <button type="button" onClick={() => onConsent({ ...server, insecureHttp: true })}>
          {tt.insecureConfirm}
        </button>
        <button type="button" className="primary" onClick={onBack}>
          {tt.httpsInstead}
        </button>
      </ActionBar>
    </Step>
  );
}

/** Codes after which a registered server can be trusted again from the app. */
/**
 * For a registered server that now presents another certificate (or needs consent for plain http):
 * the trusted and the presented fingerprint side by side, and the explicit act.
 */
export function Retrust({
  api,
  account,
  error,
  onDone,
}: {
  api: ApiClient;
  account: string;
  error: SerializedError;
  onDone(): void;
}) {
  const tt = useTrustTexts();
  const [failure, setFailure] = useState<SerializedError | null>(null);
  const [busy, setBusy] = useState(false);
  const presented = error.params?.fingerprint;
  const plain = error.code === 'insecure-http';
  if (!plain && !presented) return null;
  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api.call(
        'registration:trust',
        plain ? { account, insecureHttp: true } : { account, certificatePin: presented },
      );
      onDone();
    } catch (err) {
      setFailure(toError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="retrust-title">
      <h2 id="retrust-title">{plain ? tt.insecureTitle : tt.retrustTitle}</h2>
      {plain ? (
        <ul className="risks">
          {tt.insecureRisks.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : (
        <>
          <p>{tt.retrustIntro}</p>
          <dl className="facts">
            {error.params?.expected && (
              <>
                <dt>{tt.trustedBefore}</dt>
                <dd>
                  <Fingerprint value={error.params.expected} />
                </dd>
              </>
            )}
            <dt>{tt.presentedNow}</dt>
            <dd>
              <Fingerprint value={presented!} />
            </dd>
            {error.params?.subject && (
              <>
                <dt>{tt.subject}</dt>
                <dd>{error.params.subject}</dd>
              </>
            )}
          </dl>
          <HowToCompare />
        </>
      )}
      {failure && <Alert error={failure} />}
      <div className="actions">
        <BusyButton busy={busy} onClick={() => void confirm()}>
          {plain ? tt.insecureConfirm : tt.retrustConfirm}
        </BusyButton>
      </div>
    </section>
  );
}
