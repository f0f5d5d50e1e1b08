// Spaces the status requests of several waiting registrations on one Wawi server: the request budget
// is per server, not per registration. A resume of 50 pending requests, or the app waiting for two
// instances, asks that server no more often than one waiting registration does; each of them is then
// asked in turn. "I have accepted" still asks at once.

export class PollPacer {
  /** Per server: the last request reserved, whose it is, and how far the next one must keep from it. */
  private readonly last = new Map<string, { at: number; spacingMs: number; owner: string }>();

  /**
   * Reserves `owner`'s next status request to `server`: not before `earliest` (its own interval), and
   * `spacingMs` after the request reserved before it by another registration. A registration alone
   * keeps only its own interval: two jittered intervals at once would lengthen its wait on average.
   * Returns when it may go.
   */
  slot(server: string, owner: string, earliest: number, spacingMs: number): number {
    const last = this.last.get(server);
    const at = Math.max(earliest, last && last.owner !== owner ? last.at + last.spacingMs : earliest);
    this.last.set(server, { at, spacingMs, owner });
    return at;
  }
}

/** The server a request budget belongs to: one REST server, whichever Mandant (database) is asked. */
export function serverOf(baseUrl: string): string {
  return new URL(baseUrl).origin;
}
