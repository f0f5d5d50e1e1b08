// What check-manifest advises beyond what is invalid (warnings, the manifest still works): scopes API 1.0
// does not know (with the nearest names), a scope listed twice or in both lists, an AppId without a
// version suffix, a Version that is not x.y.z.
import type { ManifestProblem } from './manifest';
import { isKnownScope, nearestScopes } from './scopes';

interface Checked {
  AppId: string;
  Version: string;
  MandatoryApiScopes: string[];
  OptionalApiScopes?: string[];
}

export function adviceOn(m: Checked): ManifestProblem[] {
  const warnings: ManifestProblem[] = [];
  for (const [list, name] of [
    [m.MandatoryApiScopes, 'MandatoryApiScopes'],
    [m.OptionalApiScopes ?? [], 'OptionalApiScopes'],
  ] as const) {
    list.forEach((scope, i) => {
      if (!isKnownScope(scope)) {
        const near = nearestScopes(scope);
        warnings.push({
          field: `${name}[${i}]`,
          message: `'${scope}' is not a scope JTL-Wawi API 1.0 knows${near.length ? `; did you mean ${near.map((s) => `'${s}'`).join(' or ')}?` : ''} (all scopes: docs/scopes.md)`,
        });
      }
      if (list.indexOf(scope) !== i)
        warnings.push({ field: `${name}[${i}]`, message: `'${scope}' is listed twice` });
    });
  }
  // JTL's AppIds carry their API version (MyApp/v1); the version goes out as x-appversion.
  if (!/\/v\d+$/i.test(m.AppId))
    warnings.push({
      field: 'AppId',
      message: 'should end with a version such as /v1 (JTL-Wawi AppIds look like MyApp/v1)',
    });
  if (!/^\d+\.\d+\.\d+$/.test(m.Version))
    warnings.push({
      field: 'Version',
      message: 'should be three numbers such as 2.3.0 (it is sent to JTL-Wawi as x-appversion)',
    });
  const both = m.MandatoryApiScopes.filter((s) => m.OptionalApiScopes?.includes(s));
  for (const s of both) warnings.push({ field: 'OptionalApiScopes', message: `'${s}' is already mandatory` });
  return warnings;
}
