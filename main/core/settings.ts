// Small, non-secret user settings (the UI language), next to the metadata.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Settings {
  lang?: 'de' | 'en';
}

export function readSettings(home: string): Settings {
  try {
    const s = JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8')) as Settings;
    return s.lang === 'de' || s.lang === 'en' ? { lang: s.lang } : {};
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
