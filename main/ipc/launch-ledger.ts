// Which launch a flow's outcome belongs to. The desktop app's own launch is current from the start; a
// second launch that the running helper takes over becomes current from then on. A launch is settled
// when another takes over or the app closes: with the last flow that ended while it was current, else
// as cancelled (closed) when it asked for a registration or key change.
import { isFinal, outcomeOf } from '../../shared/flow';
import type { Lang } from '../../shared/lang';
import type { LaunchAction } from '../../shared/launch';
import type { FlowEvent } from '../../shared/registration';
import { type LaunchResult, launchResult } from '../../shared/result';

export interface LaunchRequest {
  action: LaunchAction;
  settle(result: LaunchResult): void;
}

export class LaunchLedger {
  private current: { request: LaunchRequest; last?: FlowEvent };
  private settled = false;

  constructor(
    first: LaunchRequest,
    private readonly lang: () => Lang,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.current = { request: first };
  }

  /** Every flow event of the window: the newest one decides the current launch's outcome. */
  saw(event: FlowEvent) {
    this.current.last = event;
  }

  /** A second launch takes over: the current one is settled with what it reached. */
  handOver(next: LaunchRequest) {
    this.settleCurrent();
    this.current = { request: next };
  }

  /** The app closes: the current launch is settled (once). */
  close() {
    if (this.settled) return;
    this.settled = true;
    this.settleCurrent();
  }

  private settleCurrent() {
    const { request, last } = this.current;
    try {
      request.settle(this.describe(request.action, last));
    } catch {
      // a launch that cannot be told (its hand-over connection closed) does not stop the others
    }
  }

  private describe(action: LaunchAction, last: FlowEvent | undefined): LaunchResult {
    const base = { at: this.now(), lang: this.lang(), surface: 'app' as const };
    if (last && isFinal(last.state))
      return launchResult({
        ...base,
        outcome: outcomeOf(last),
        action: last.kind,
        appId: last.appId,
        baseUrl: last.server.baseUrl,
        record: last.record,
        error: last.error,
      });
    // Nothing ended: a flow cut off by closing, or none started.
    if (!last && action === 'manage') return launchResult({ ...base, outcome: 'ok', action });
    return launchResult({
      ...base,
      outcome: 'cancelled',
      action: last?.kind ?? action,
      ...(last ? { appId: last.appId, baseUrl: last.server.baseUrl } : {}),
      error: { code: 'cancelled', params: { variant: 'closed' } },
    });
  }
}
