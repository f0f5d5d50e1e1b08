// Spaces the status requests of several waiting registrations on one Wawi server: the request budget
// is per server, not per registration. A resume of 50 pending requests, or the app waiting for two
// instances, asks that server no more often than one waiting registration does; each of them is then
// asked in turn. "I have accepted" still asks at once.

export class PollPacer {
  private readonly nextFree = new Map<string, number>();

  /**
   * Reserves the next status request to `server`: not before `earliest`, and `spacingMs` after the
   * one reserved before it. Returns when it may go.
   */
  slot(server: string, earliest: number, spacingMs: number): number {
    const at = Math.max(earliest, this.nextFree.get(server) ?? Number.NEGATIVE_INFINITY);
    this.nextFree.set(server, at + spacingMs);
    return at;
  }
}

/** The server a request budget belongs to: one REST server, whichever Mandant (database) is asked. */
export function serverOf(baseUrl: string): string {
  return new URL(baseUrl).origin;
}
