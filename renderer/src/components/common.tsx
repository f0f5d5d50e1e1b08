// Building blocks every screen uses: a step with its focused heading, the pinned button bar, buttons that
// keep the focus while busy, an error alert, errors from calls.
import { type ReactNode, type Ref, useEffect, useRef } from 'react';
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

/** The screen's pinned button bar: secondary actions first, the primary one last (always on the right). */
export function ActionBar({ children }: { children: ReactNode }) {
  return <div className="actions bar">{children}</div>;
}

/**
 * A button that keeps the focus while it can't be used: `aria-disabled`, not `disabled`, so a busy
 * action neither drops the focus to the page nor hides the button from screen readers.
 */
export function BusyButton({
  busy = false,
  unavailable = false,
  primary,
  danger,
  label,
  onClick,
  ref,
  children,
}: {
  busy?: boolean;
  /** Not usable for another reason than being busy (announced the same way). */
  unavailable?: boolean;
  primary?: boolean;
  /** Destructive: the danger colour and an icon, so it does not rest on colour alone. */
  danger?: boolean;
  label?: string;
  onClick(): void;
  ref?: Ref<HTMLButtonElement>;
  children: ReactNode;
}) {
  const off = busy || unavailable;
  return (
    <button
      type="button"
      ref={ref}
      className={danger ? 'danger' : primary ? 'primary' : undefined}
      aria-disabled={off || undefined}
      aria-busy={busy || undefined}
      aria-label={label}
      onClick={off ? undefined : onClick}
    >
      {danger && <DangerIcon />}
      {children}
    </button>
  );
}

/** The icon of a destructive button (a bin). */
export function DangerIcon() {
  return (
    <svg className="icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="16" height="16">
      <path
        d="M2.5 4h11M6.5 4V2.5h3V4M4 4l.7 9.5h6.6L12 4M6.7 6.5v5M9.3 6.5v5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The icon of the language switch (a globe). */
export function GlobeIcon() {
  return (
    <svg className="icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="16" height="16">
      <g fill="none" stroke="currentColor" strokeWidth="1.2">
        <circle cx="8" cy="8" r="6.3" />
        <path d="M1.7 8h12.6M8 1.7c-2.2 2.3-2.2 10.3 0 12.6M8 1.7c2.2 2.3 2.2 10.3 0 12.6" />
      </g>
    </svg>
  );
}
