// A flow's elapsed time and the time left before its deadline, ticking every second between its events.
import { useEffect, useRef, useState } from 'react';
import type { FlowEvent } from '../../../shared/registration';

/** The elapsed time and the time left (when the flow says), ticking once a second between events. */
export function useFlowTimes(event: FlowEvent | undefined): { elapsedMs: number; remainingMs?: number } {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const seen = useRef<{ event?: FlowEvent; at: number }>({ at: Date.now() });
  if (seen.current.event !== event) seen.current = { event, at: Date.now() };
  if (!event) return { elapsedMs: 0 };
  const since = Math.max(0, now - seen.current.at);
  return {
    elapsedMs: event.elapsedMs + since,
    ...(event.remainingMs !== undefined ? { remainingMs: Math.max(0, event.remainingMs - since) } : {}),
  };
}

/** A flow's elapsed time, ticking once a second between its events. */
export function useElapsed(event: FlowEvent | undefined): number {
  return useFlowTimes(event).elapsedMs;
}
