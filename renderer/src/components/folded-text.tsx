// A long text (an app's description) folded to three lines, with a button to read all of it: the
// permissions below stay in view.
import { useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';

export function FoldedText({ text }: { text: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState(false);
  const [long, setLong] = useState(false);
  useLayoutEffect(() => {
    const p = ref.current;
    if (p && !open) setLong(p.scrollHeight > p.clientHeight + 1);
  }, [open]);
  return (
    <>
      <p ref={ref} className={open ? undefined : 'folded'}>
        {text}
      </p>
      {(long || open) && (
        <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t.showLess : t.showMore}
        </button>
      )}
    </>
  );
}
