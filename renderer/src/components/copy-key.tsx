// Copy key: main copies it (the renderer never sees it), shows how long it stays on the clipboard,
// and offers to clear it at once.
import { useEffect, useState } from 'react';
import type { SerializedError } from '../../../shared/errors/schema';
import type { ApiClient } from '../../../shared/ipc/bridge';
import { useI18n } from '../i18n';
import { useTrustTexts } from '../i18n-trust';
import { Alert, toError } from './common';

export function CopyKey({ api, account }: { api: ApiClient; account: string }) {
  const { t } = useI18n();
  const tt = useTrustTexts();
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<SerializedError | null>(null);
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  const left = until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
  useEffect(() => {
    if (until !== null && left === 0) {
      setUntil(null);
      setNotice(tt.cleared);
    }
  }, [left, until, tt.cleared]);

  const copy = async () => {
    setError(null);
    try {
      const r = await api.call('key:copy', { account });
      setNow(Date.now());
      setUntil(Date.now() + r.clearAfterMs);
      setNotice(tt.copied(Math.round(r.clearAfterMs / 1000)));
    } catch (err) {
      setError(toError(err));
    }
  };
  const clear = async () => {
    try {
      await api.call('key:clear', {});
      setUntil(null);
      setNotice(tt.cleared);
    } catch (err) {
      setError(toError(err));
    }
  };
  return (
    <div className="copy-key">
      {/* Announced once per change; while the countdown shows, it is the one line seen (the live
          region is then heard only). */}
      <p role="status" className={until !== null ? 'visually-hidden' : 'muted'}>
        {notice}
      </p>
      {until !== null && (
        <p className="muted" aria-hidden="true">
          {tt.copied(left)}
        </p>
      )}
      {error && <Alert error={error} />}
      <div className="actions">
        <button type="button" onClick={() => void copy()} aria-describedby="copy-hint">
          {t.copyKey}
        </button>
        {until !== null && (
          <button type="button" onClick={() => void clear()}>
            {tt.clearNow}
          </button>
        )}
      </div>
      <p id="copy-hint" className="muted small">
        {t.copyHint}
      </p>
    </div>
  );
}
