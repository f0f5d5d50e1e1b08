// Step 1: find the Wawi server (or type its address) and choose it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SerializedError } from '../../../shared/errors/schema';
import type { ApiClient } from '../../../shared/ipc/bridge';
import type { DiscoveredServer } from '../../../shared/registration';
import { Alert, Step, toError } from '../components/common';
import { useI18n } from '../i18n';
import { type TrustTexts, useTrustTexts } from '../i18n-trust';
import { type Launch, onThisComputer } from '../wizard/screens';

export function transportLine(s: DiscoveredServer, tt: TrustTexts): string {
  if (s.certificate) return s.certificate.trusted ? tt.serverTrusted : tt.serverUntrusted;
  return onThisComputer(s) ? tt.serverPlainLocal : tt.serverPlain;
}
export function Connect({
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
  // '' until something is chosen; discovery preselects only a single server, and never what the
  // merchant chose meanwhile.
  const [choice, setChoice] = useState<string>(launch.wawi ? 'other' : '');
  const chosen = useRef(false);
  const choose = (value: string) => {
    chosen.current = true;
    setChoice(value);
  };
  const [address, setAddress] = useState(launch.wawi ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);

  const search = useCallback(() => {
    setServers(null);
    void api.call('servers:discover', {}).then((r) => {
      setServers(r.servers);
      if (chosen.current || launch.wawi) return;
      setChoice(r.servers.length === 1 ? r.servers[0]!.baseUrl : r.servers.length === 0 ? 'other' : '');
    });
  }, [api, launch.wawi]);
  useEffect(search, [search]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    // Enter never picks a server: with nothing chosen there is nothing to submit.
    if (choice === '') return;
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
                onChange={() => choose(s.baseUrl)}
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
              onChange={() => choose('other')}
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
            disabled={busy || choice === '' || (choice === 'other' && address.trim() === '')}
          >
            {t.checkAndContinue}
          </button>
        </div>
      </form>
    </Step>
  );
}
