// Keeps the simulated Wawi's registrations and apps in a JSON file across restarts (`--state`).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { DbState, RegisteredApp, RegistrationRequest } from './types';

type Saved = Record<
  string,
  { windowOpen: boolean; licenceMissing: boolean; requests: RegistrationRequest[]; apps: RegisteredApp[] }
>;

/** Loads what a file holds into the databases of the same name; a missing file loads nothing. */
export function loadState(file: string, dbs: Map<string, DbState>) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  for (const [name, s] of Object.entries(JSON.parse(text) as Saved)) {
    const db = dbs.get(name.toLowerCase());
    if (!db) continue;
    db.windowOpen = db.windowOpen || s.windowOpen;
    db.licenceMissing = s.licenceMissing;
    for (const r of s.requests) db.requests.set(r.id.toLowerCase(), r);
    for (const a of s.apps) db.apps.set(a.appId.toLowerCase(), a);
  }
}

/** Writes the databases atomically (a temporary file renamed over the old one). */
export function saveState(file: string, dbs: Map<string, DbState>, names: Map<string, string>) {
  const out: Saved = {};
  for (const [key, db] of dbs) {
    out[names.get(key) ?? key] = {
      windowOpen: db.windowOpen,
      licenceMissing: db.licenceMissing,
      requests: [...db.requests.values()],
      apps: [...db.apps.values()],
    };
  }
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(out, null, 2));
  renameSync(tmp, file);
}
