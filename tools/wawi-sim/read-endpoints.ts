// Every read (GET) endpoint of JTL-Wawi API 1.0, answered the way Wawi answers them: 401 for an unknown
// key, 400 without x-appid/x-appversion, 403 when the app was granted no scope that allows the
// operation, else 200 with an empty list (a collection) or 404 (one item: none exist here). Which
// scope allows which operation is JTL's published table (shared/wawi-scopes.json, read as data: the
// simulator imports nothing of the product); beside the bundle it is copied by the build.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Table = Record<string, string[]>;
let table: Table | undefined;

function scopesTable(): Table {
  if (table) return table;
  const file = ['./wawi-scopes.json', '../../shared/wawi-scopes.json']
    .map((rel) => fileURLToPath(new URL(rel, import.meta.url)))
    .find((f) => existsSync(f));
  table = file ? (JSON.parse(readFileSync(file, 'utf8')) as { scopes: Table }).scopes : {};
  return table;
}

/** The read operation a path is (`/items`, `/items/{itemId}`), or undefined when Wawi has none. */
export function readOperation(path: string[]): { operation: string; collection: boolean } | undefined {
  const ops = new Set(Object.values(scopesTable()).flat());
  for (const op of ops) {
    if (!op.startsWith('GET /')) continue;
    const segs = op.slice('GET /'.length).split('/');
    if (segs.length !== path.length) continue;
    if (segs.every((s, i) => s.startsWith('{') || s.toLowerCase() === path[i]!.toLowerCase()))
      return { operation: op, collection: !segs.at(-1)!.startsWith('{') };
  }
  return undefined;
}

/** Whether one of the granted scopes allows the operation. */
export function allows(granted: string[], operation: string): boolean {
  const t = scopesTable();
  return granted.some((s) => t[s.toLowerCase()]?.includes(operation) ?? false);
}
