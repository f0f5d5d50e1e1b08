// Step 1: the Wawi REST servers the machine's search found (or type an address), and choosing one.
import { useEffect, useRef, useState } from 'react';
import type { SerializedError } from '../../../shared/errors/schema';
import type { ApiClient } from '../../../shared/ipc/bridge';
import { localizedText } from '../../../shared/localized';
import type { DiscoveredServer } from '../../../shared/registration';
import { ActionBar, Alert, BusyButton, Step, TextField, toError } from '../components/common';
import { useI18n } from '../i18n';
import { type TrustTexts, useTrustTexts } from '../i18n-trust';
import { type Discovery, type Launch, onThisComputer } from '../wizard/screens';

export function transportLine(s: DiscoveredServer, tt: TrustTexts): string {
  if (s.certificate) return s.certificate.trusted ? tt.serverTrusted : tt.serverUntrusted;
  return onThisComputer(s) ? tt.serverPlainLocal : tt.serverPlain;
}
/** The same server's address with another Mandant (the last path segment). */
export function withMandant(baseUrl: string, mandant: string): string {
  return baseUrl.replace(/\/api\/[^/]*$/, `/api/${encodeURIComponent(mandant)}`);
}

export function Connect({
  api,
  launch,
  discovery,
  onSearchAgain,
  onChosen,
  step,
}: {
  api: ApiClient;
  launch: Launch;
  /** What the machine's search found; undefined while it runs. */
  discovery?: Discovery;
  onSearchAgain(): void;
  onChosen(s: DiscoveredServer): void;
  step: [number, number];
}) {
  const { lang, t } = useI18n();
  const tt = useTrustTexts();
  const servers = discovery?.servers ?? null;
  // '' until something is chosen; discovery preselects only a single server, and never what the
  // merchant chose meanwhile.
  const [choice, setChoice] = useState<string>(launch.wawi ? 'other' : '');
  const chosen = useRef(false);
  const choose = (value: string) => {
    chosen.current = true;
    setChoice(value);
    const server = servers?.find((s) => s.baseUrl === value);
    if (server) setMandant(server.database);
  };
  // The Mandant of the chosen server: another one on the same server can be typed.
  const [mandant, setMandant] = useState('');
  const [address, setAddress] = useState(launch.wawi ?? '');
  const [busy, setBusy] = useState(false);
  const [checkError, setCheckError] = useState<SerializedError | null>(null);
  const error = checkError ?? discovery?.error ?? null;

  // A search that ended preselects a single server, or "other address" when none answered; never
  // over what the merchant chose meanwhile, nor over an address the launch named.
  useEffect(() => {
    setCheckError(null);
    if (!discovery || chosen.current || launch.wawi) return;
    const only = discovery.servers.length === 1 ? discovery.servers[0]! : undefined;
    setChoice(only ? only.baseUrl : discovery.servers.length === 0 ? 'other' : '');
    if (only) setMandant(only.database);
  }, [discovery, launch.wawi]);

  const pickedServer = servers?.find((s) => s.baseUrl === choice);
  const mandantChanged = !!pickedServer && mandant.trim() !== '' && mandant.trim() !== pickedServer.database;
  const unusable = busy || choice === '' || (choice === 'other' && address.trim() === '');
  // The Mandant typed for a found server has no API there: said at the field, which is marked.
  const noMandant =
    pickedServer && error?.code === 'bad-response' && error.params?.variant === 'no-api'
      ? error.params.mandant
      : undefined;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    // Enter never picks a server: with nothing chosen there is nothing to submit.
    if (unusable) return;
    setCheckError(null);
    if (pickedServer && !mandantChanged) return onChosen(pickedServer);
    setBusy(true);
    try {
      const typed = pickedServer ? withMandant(pickedServer.baseUrl, mandant.trim()) : address;
      const { server } = await api.call('servers:check', { address: typed });
      onChosen(server);
    } catch (err) {
      setCheckError(toError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Step title={t.connectTitle} step={step}>
      <p>
        <bdi>{t.connectIntro(launch.manifest ? localizedText(launch.manifest, lang).name : '')}</bdi>
      </p>
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
            <div key={s.baseUrl}>
              <label className="choice">
                <input
                  type="radio"
                  name="server"
                  value={s.baseUrl}
                  checked={choice === s.baseUrl}
                  onChange={() => choose(s.baseUrl)}
                />
                <span>
                  <strong className="wrap">{s.baseUrl}</strong>
                  <span className="muted block">{t.serverLine(s.database, s.wawiVersion)}</span>
                  <span className="muted block">{transportLine(s, tt)}</span>
                </span>
              </label>
              {choice === s.baseUrl && (
                <TextField
                  id="mandant"
                  label={t.mandantLabel}
                  hint={t.mandantHint}
                  value={mandant}
                  onChange={setMandant}
                  problem={noMandant ? t.mandantUnknown(noMandant, s.database) : undefined}
                />
              )}
            </div>
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
            <TextField
              id="address"
              label={t.addressLabel}
              hint={t.addressHint}
              value={address}
              onChange={setAddress}
              url
              invalid={!!error}
              required
            />
          )}
        </fieldset>
        {error && !noMandant && <Alert error={error} />}
        {servers?.length === 0 && (
          // The common case: the REST server runs on another PC (the one with the database).
          <section aria-labelledby="other-pc">
            <h2 id="other-pc">{t.otherPcTitle}</h2>
            <ul>
              {t.otherPcSteps.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </section>
        )}
        <ActionBar>
          <BusyButton busy={servers === null} onClick={onSearchAgain}>
            {t.searchAgain}
          </BusyButton>
          <button
            type="submit"
            className="primary"
            aria-disabled={unusable || undefined}
            aria-busy={busy || undefined}
          >
            {choice === 'other' || (choice !== '' && mandantChanged) ? t.checkAndContinue : t.continue}
          </button>
        </ActionBar>
      </form>
    </Step>
  );
}
