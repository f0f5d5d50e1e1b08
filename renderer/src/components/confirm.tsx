// An inline confirmation before something that can't be undone: it takes the focus when it opens,
// Escape or the keep button closes it, and the focus then returns to the button that opened it.
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { BusyButton } from './common';

export function Confirm({
  title,
  children,
  confirmLabel,
  keepLabel,
  busy = false,
  returnTo,
  onConfirm,
  onKeep,
}: {
  title?: string;
  children: ReactNode;
  confirmLabel: string;
  keepLabel: string;
  busy?: boolean;
  /** Where the focus goes back to, when the opening button is rendered anew once this closes. */
  returnTo?: () => HTMLElement | null;
  onConfirm(): void;
  onKeep(): void;
}) {
  const id = useId();
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    // The button that opened it gets the focus back when it closes (if it is still there).
    const invoker = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (box.current?.querySelector<HTMLElement>('[data-confirm-focus]') ?? box.current)?.focus();
    return () => {
      const target = returnTo?.() ?? invoker;
      if (target?.isConnected) target.focus();
    };
  }, [returnTo]);
  return (
    <section
      className="confirm"
      ref={box}
      tabIndex={-1}
      aria-labelledby={title ? id : undefined}
      aria-label={title ? undefined : confirmLabel}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onKeep();
      }}
    >
      {title && (
        <h2 id={id} tabIndex={-1} data-confirm-focus>
          {title}
        </h2>
      )}
      {children}
      <div className="actions">
        <BusyButton danger busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </BusyButton>
        <BusyButton primary busy={busy} onClick={onKeep}>
          {keepLabel}
        </BusyButton>
      </div>
    </section>
  );
}
