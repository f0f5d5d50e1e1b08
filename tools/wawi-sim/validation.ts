// Checks a CreateAppRegistrationRequest as the real server's model binding does: required fields,
// types, base64 icon, RegistrationType 0-3. Field names are matched case-insensitively.
import type { AppRequestBody } from './types';
import { field } from './wire';

const REQUIRED_FIELDS = [
  'AppId',
  'DisplayName',
  'Description',
  'Version',
  'ProviderName',
  'ProviderWebsite',
  'MandatoryApiScopes',
  'AppIcon',
] as const;

function isBase64(s: string): boolean {
  return s.length > 0 && s.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(s);
}

export function validateRegistration(raw: unknown): {
  body?: AppRequestBody;
  errors: Record<string, string[]>;
} {
  const errors: Record<string, string[]> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { errors: { request: ['A non-empty request body is required.'] } };
  }
  const obj = raw as Record<string, unknown>;
  for (const name of REQUIRED_FIELDS) {
    const v = field(obj, name);
    if (v === undefined || v === null || v === '') errors[name] = [`The ${name} field is required.`];
  }
  for (const name of REQUIRED_FIELDS.filter((f) => f !== 'MandatoryApiScopes')) {
    const v = field(obj, name);
    if (v !== undefined && v !== null && typeof v !== 'string')
      errors[name] = [`The field ${name} must be a string.`];
  }
  for (const name of ['MandatoryApiScopes', 'OptionalApiScopes']) {
    const v = field(obj, name);
    if (v !== undefined && v !== null && (!Array.isArray(v) || v.some((s) => typeof s !== 'string'))) {
      errors[name] = [`The field ${name} must be an array of strings.`];
    }
  }
  const icon = field(obj, 'AppIcon');
  if (typeof icon === 'string' && icon !== '' && !isBase64(icon))
    errors.AppIcon = ['The AppIcon field is not valid base64.'];
  const type = field(obj, 'RegistrationType');
  if (type !== undefined && type !== null && !(typeof type === 'number' && [0, 1, 2, 3].includes(type))) {
    errors.RegistrationType = ['The field RegistrationType must be 0, 1, 2 or 3.'];
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    body: {
      AppId: field(obj, 'AppId') as string,
      DisplayName: field(obj, 'DisplayName') as string,
      Description: field(obj, 'Description') as string,
      Version: field(obj, 'Version') as string,
      ProviderName: field(obj, 'ProviderName') as string,
      ProviderWebsite: field(obj, 'ProviderWebsite') as string,
      MandatoryApiScopes: field(obj, 'MandatoryApiScopes') as string[],
      OptionalApiScopes: (field(obj, 'OptionalApiScopes') as string[] | undefined) ?? [],
      AppIcon: icon as string,
      RegistrationType: (type as number | undefined) ?? 0,
      LocalizedDisplayNames: field(obj, 'LocalizedDisplayNames') as AppRequestBody['LocalizedDisplayNames'],
      LocalizedDescriptions: field(obj, 'LocalizedDescriptions') as AppRequestBody['LocalizedDescriptions'],
      Signature: (field(obj, 'Signature') as string | undefined) ?? undefined,
      SignatureData: (field(obj, 'SignatureData') as string | undefined) ?? undefined,
    },
  };
}
