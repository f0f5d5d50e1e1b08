// Building blocks every screen uses: a step with its focused heading, the pinned button bar, buttons that
// keep the focus while busy, a text field, an error alert, errors from calls.
import { type ReactNode, type Ref, useEffect, useRef } from 'react';
import type { SerializedError } from '../../../shared/errors/schema';
import { errorText } from '../../../shared/errors/text';
import { useI18n } from '../i18n';
import { DangerIcon } from './icons';

export { toError } from '../wizard/to-error';

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

/** A labelled text field with its hint, for names and addresses (no spelling help, no autofill). */
export function TextField(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange(value: string): void;
  /** An address: the URL keyboard on touch screens. */
  url?: boolean;
  invalid?: boolean;
  /** What is wrong with the value, said at the field (it is then marked invalid). */
  problem?: string;
  required?: boolean;
}) {
  const invalid = props.invalid || !!props.problem;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        inputMode={props.url ? 'url' : undefined}
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        aria-describedby={props.problem ? `${props.id}-problem ${props.id}-hint` : `${props.id}-hint`}
        aria-invalid={invalid || undefined}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.required}
      />
      {props.problem && (
        <p id={`${props.id}-problem`} className="field-problem">
          {props.problem}
        </p>
      )}
      <p id={`${props.id}-hint`} className="muted small">
        {props.hint}
      </p>
    </div>
  );
}

/** The bar of a screen where the work is done: the list of registrations, or Close (the primary). */
export function FinishedBar({ onManage }: { onManage(): void }) {
  const { t } = useI18n();
  return (
    <ActionBar>
      <button type="button" onClick={onManage}>
        {t.manage}
      </button>
      <button type="button" className="primary" onClick={() => window.close()}>
        {t.close}
      </button>
    </ActionBar>
  );
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
