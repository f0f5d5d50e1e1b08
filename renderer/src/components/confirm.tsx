// A warning before something that can't be undone, with a confirm and a keep button.
/** A warning before something that can't be undone: the dangerous action, and keeping things as they are. */
export function DangerConfirm(props: {
  warning: string;
  confirmLabel: string;
  keepLabel: string;
  onConfirm(): void;
  onKeep(): void;
}) {
  return (
    <>
      <p>{props.warning}</p>
      <div className="actions">
        <button type="button" className="danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
        <button type="button" className="primary" onClick={props.onKeep}>
          {props.keepLabel}
        </button>
      </div>
    </>
  );
}
