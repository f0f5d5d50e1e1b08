// A flow's elapsed time, ticking every second.
import { useEffect, useRef, useState } from 'react';
import type { FlowEvent } from '../../../shared/registration';

/** A flow's elapsed time, ticking once a second between its events. */
export function useElapsed(event: FlowEvent | undefined): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const seen = useRef<{ event?: FlowEvent; at: number }>({ at: Date.now() });
  if (seen.current.event !== event) seen.current = { event, at: Date.now() };
  return event ? event.elapsedMs + Math.max(0, now - seen.current.at) : 0;
}
