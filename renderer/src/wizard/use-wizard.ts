// The machine (./machine.ts) running in React: its state, the flows' events fed to it, and the effect
// each state invokes (./invoke.ts) started once on entering that state, its answer sent back.
import { type Dispatch, useEffect, useReducer, useRef } from 'react';
import type { ApiClient } from '../../../shared/ipc/bridge';
import { invoked, run } from './invoke';
import { type Action, INITIAL, reduce, type Wizard } from './machine';

export function useWizard(api: ApiClient): [Wizard, Dispatch<Action>] {
  const [wizard, send] = useReducer(reduce, INITIAL);
  useEffect(() => api.onFlowEvent((event) => send({ type: 'flow-event', event })), [api]);
  // One invocation per state entered (the state object is its identity: a new context alone, like a
  // flow event, never invokes again), also when React runs effects twice (StrictMode). Its answer goes
  // to the machine, which ignores it once the state was left.
  const started = useRef(new WeakSet<object>());
  const screen = wizard.screen;
  useEffect(() => {
    if (started.current.has(screen)) return;
    started.current.add(screen);
    const inv = invoked(wizard);
    if (inv) void run(api, inv).then(send);
  }, [api, screen, wizard]);
  return [wizard, send];
}
