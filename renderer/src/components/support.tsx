// What a failure offers for support: its details on the clipboard (code, texts, parameters; the
// renderer never holds a key or a challenge code, so none can be in them) and the log folder.
import { useState } from 'react';
import type { SerializedError } from '../../../shared/errors/schema';
import { errorText } from '../../../shared/errors/text';
import type { ApiClient } from '../../../shared/ipc/bridge';
import { useI18n } from '../i18n';

/** The details as support reads them: in the merchant's language, with the code and parameters. */
export function detailsText(
  error: SerializedError,
  title: string,
  text: ReturnType<typeof errorText>,
): string {
  const params = Object.entries(error.params ?? {}).map(([k, v]) => `${k}: ${v}`);
  return [
    title,
    `${text.title} [${error.code}${error.status ? `, HTTP ${error.status}` : ''}]`,
    text.detail,
    text.next,
    ...(text.technical ? [text.technical] : []),
    ...params,
  ]
    .join('\n')
    .slice(0, 4000);
}

export function Support({ api, error }: { api: ApiClient; error: SerializedError }) {
  const { lang, t } = useI18n();
  const [notice, setNotice] = useState('');
  const technical = errorText(error, lang, 'app').technical;
  const copy = async () => {
    const text = detailsText(error, t.appTitle, errorText(error, lang, 'app'));
    try {
      await api.call('app:copy-details', { text });
      setNotice(t.detailsCopied);
    } catch {
      setNotice(t.detailsNotCopied);
    }
  };
  return (
    <div className="support">
      <span className="muted small">{t.supportTitle}:</span>
      <button type="button" className="link" onClick={() => void copy()}>
        {t.copyDetails}
      </button>
      <button type="button" className="link" onClick={() => void api.call('app:open-log-folder', {})}>
        {t.openLogFolder}
      </button>
      <span role="status" className="muted small">
        {notice}
      </span>
      {technical && (
        // The program's or the OS's own words: not translated, marked as English for screen readers.
        <details className="technical">
          <summary className="muted small">{t.technicalDetails}</summary>
          <p className="small" lang="en">
            {technical}
          </p>
        </details>
      )}
    </div>
  );
}
