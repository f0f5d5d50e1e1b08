// Building blocks every screen uses: a step with its focused heading, an error alert, errors from calls.
import { type ReactNode, useEffect, useRef } from 'react';
import type { SerializedError } from '../../../shared/errors/schema';
import { errorText } from '../../../shared/errors/text';
import { BridgeError } from '../../../shared/ipc/bridge';
import { useI18n } from '../i18n';

export function toError(err: unknown): SerializedError {
  if (err instanceof BridgeError) return err.error;
  return {
    code: 'internal',
    message: String(err),
    params: { reason: err instanceof Error ? err.message : String(err) },
  };
}

/** A screen: a heading that takes the focus when it appears, and its content. */
export function Step({
  title,
  step,
  children,
}: {
  title: string;
  step?: [number, number];
  children: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section className="step" aria-labelledby="step-title">
      {step && <p className="step-count">{t.stepOf(step[0], step[1])}</p>}
      <h1 id="step-title" tabIndex={-1} ref={ref}>
        {title}
      </h1>
      {children}
    </section>
  );
}

export function Alert({ error, onlyDetail }: { error: SerializedError; onlyDetail?: boolean }) {
  const { lang, t } = useI18n();
  const text = errorText(error, lang, 'app');
  return (
    <div className="alert" role="alert">
      {!onlyDetail && <p className="alert-title">{text.title}</p>}
      <p>{text.detail}</p>
      <p>
        <strong>{text.next}</strong>
      </p>
      {error.params?.address && error.code === 'unreachable' && (
        <p className="muted">
          {t.addressTried}: <code>{error.params.address}</code>
        </p>
      )}
    </div>
  );
}
