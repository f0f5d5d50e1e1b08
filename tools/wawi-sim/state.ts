// The simulated Wawi's state per database ("Mandant"): whether the registration dialog waits, the
// licence, the requests and the registered apps; and the merchant's decisions on them.
import { randomUUID } from 'node:crypto';
import { loadState, saveState } from './persistence';
import type { DbState, RegistrationRequest, SimOptions } from './types';
import { errorResponse, HttpError } from './wire';

export class SimState {
  readonly databases: string[];
  private readonly dbs = new Map<string, DbState>();
  private readonly names: Map<string, string>;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly closeAfterDecision: boolean;

  constructor(private readonly options: SimOptions) {
    this.databases = options.databases?.length ? options.databases : ['eazybusiness'];
    this.closeAfterDecision = options.closeWindowAfterDecision ?? options.autoAcceptMs === undefined;
    for (const name of this.databases) {
      this.dbs.set(name.toLowerCase(), {
        windowOpen: options.autoAcceptMs !== undefined,
        licenceMissing: options.licenceMissing ?? false,
        requests: new Map(),
        apps: new Map(),
      });
    }
    this.names = new Map(this.databases.map((n) => [n.toLowerCase(), n]));
    if (options.stateFile) loadState(options.stateFile, this.dbs);
  }

  /** The database's name as configured (the URL may use another case). */
  name(db: string): string | undefined {
    return this.names.get(db.toLowerCase());
  }

  all(): DbState[] {
    return [...this.dbs.values()];
  }

  save() {
    if (this.options.stateFile) saveState(this.options.stateFile, this.dbs, this.names);
  }

  db(name: string): DbState {
    const db = this.dbs.get(name.toLowerCase());
    if (!db) throw new HttpError(404, errorResponse('NotFound', `Unknown database '${name}'.`));
    return db;
  }

  request(db: DbState, id: string): RegistrationRequest {
    const r = db.requests.get(id.toLowerCase());
    if (!r)
      throw new HttpError(
        404,
        errorResponse('NotFound', `No registration request with id '${id}' was found.`),
      );
    return r;
  }

  /** A new request waits in the dialog (and is accepted after `autoAcceptMs`, when set). */
  add(dbName: string, r: RegistrationRequest) {
    this.db(dbName).requests.set(r.id.toLowerCase(), r);
    this.save();
    if (this.options.autoAcceptMs === undefined) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      try {
        this.decide(dbName, r.id, true);
      } catch {
        // already decided or gone
      }
    }, this.options.autoAcceptMs);
    t.unref();
    this.timers.add(t);
  }

  setWindow(dbName: string, open: boolean) {
    const db = this.db(dbName);
    db.windowOpen = open;
    if (!open) {
      // Closing the Wawi dialog ends the requests that were waiting in it.
      for (const [id, r] of db.requests) if (r.status === 0) db.requests.delete(id);
    }
    this.save();
  }

  /** The merchant accepts (granting the optional scopes listed, all by default) or rejects. */
  decide(dbName: string, id: string, accept: boolean, grantedOptional?: string[]) {
    const db = this.db(dbName);
    const r = this.request(db, id);
    if (r.status !== 0) throw new HttpError(409, { error: 'This request was already decided.' });
    if (!accept) r.status = 1;
    else {
      const optional = grantedOptional
        ? r.body.OptionalApiScopes.filter((s) => grantedOptional.includes(s))
        : r.body.OptionalApiScopes;
      const key = randomUUID().toUpperCase();
      r.status = 2;
      r.apiKey = key;
      const existing = r.instanceOf ? db.apps.get(r.instanceOf.toLowerCase()) : undefined;
      if (existing) {
        existing.keys.push(key);
        r.grantedScopes = existing.grantedScopes;
      } else {
        r.grantedScopes = [...new Set([...r.body.MandatoryApiScopes, ...optional])];
        db.apps.set(r.appId.toLowerCase(), {
          appId: r.appId,
          displayName: r.body.DisplayName,
          providerName: r.body.ProviderName,
          version: r.body.Version,
          registrationType: r.body.RegistrationType,
          grantedScopes: r.grantedScopes,
          keys: [key],
          registeredAt: new Date().toISOString(),
          icon: r.body.AppIcon,
        });
      }
    }
    if (this.closeAfterDecision) db.windowOpen = false;
    this.save();
  }

  removeApp(dbName: string, appId: string): boolean {
    const removed = this.db(dbName).apps.delete(appId.toLowerCase());
    this.save();
    return removed;
  }

  /** Removes one instance's key (1 = the first); the app stays registered while it has keys. */
  removeInstance(dbName: string, appId: string, instance: number): boolean {
    const app = this.db(dbName).apps.get(appId.toLowerCase());
    if (!app || instance < 1 || instance > app.keys.length || !app.keys[instance - 1]) return false;
    app.keys[instance - 1] = '';
    if (app.keys.every((k) => k === '')) this.db(dbName).apps.delete(appId.toLowerCase());
    this.save();
    return true;
  }

  close() {
    for (const t of this.timers) clearTimeout(t);
  }
}
