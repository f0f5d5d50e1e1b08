// Small, non-secret user settings (the UI language), next to the metadata.

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLang, type Lang } from '../../../shared/lang';

export interface Settings {
  lang?: Lang;
}

export function readSettings(home: string): Settings {
  try {
    const s = JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8')) as Settings;
    return isLang(s.lang) ? { lang: s.lang } : {};
  } catch {
    return {};
  }
}

export function writeSettings(home: string, settings: Settings): void {
  const file = join(home, 'settings.json');
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(settings));
    renameSync(tmp, file);
  } catch {
    // A language that cannot be remembered is not worth an error.
  }
}
