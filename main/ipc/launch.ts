// Launch arguments of the desktop app: --manifest <path>, --wawi <url>, --action register|manage|rotate|revoke,
// --lang de|en, --result-file <path>. Chromium and Electron switches are ignored.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isLang, type Lang, langOfLocale } from '../../shared/lang';
import { isLaunchAction, LAUNCH_ACTIONS, type LaunchAction } from '../../shared/launch';
import { HelperError, isHelperError, loadManifest } from '../core/index';
import type { LaunchState } from './types';

export interface LaunchArgs {
  action?: LaunchAction;
  manifest?: string;
  wawi?: string;
  lang?: Lang;
  /** --result-file: where the outcome is written for the vendor's onboarding (shared/result.ts). */
  resultFile?: string;
  /** Problems with the arguments, in plain words. */
  problems: string[];
}

export function parseLaunchArgs(argv: string[]): LaunchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      manifest: { type: 'string' },
      wawi: { type: 'string' },
      action: { type: 'string' },
      lang: { type: 'string' },
      'result-file': { type: 'string' },
    },
    strict: false,
    allowPositionals: true,
  });
  const problems: string[] = [];
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const action = str(values.action);
  const lang = str(values.lang);
  if (action && !isLaunchAction(action))
    problems.push(`--action must be one of ${LAUNCH_ACTIONS.join(', ')}, not "${action}".`);
  if (lang && !isLang(lang)) problems.push(`--lang must be de or en, not "${lang}".`);
  for (const name of ['manifest', 'wawi', 'action', 'lang', 'result-file'] as const) {
    if (values[name] === true) problems.push(`--${name} needs a value.`);
  }
  return {
    action: isLaunchAction(action) ? action : undefined,
    manifest: str(values.manifest),
    wawi: str(values.wawi),
    lang: isLang(lang) ? lang : undefined,
    resultFile: str(values['result-file']),
    problems,
  };
}

/** Builds the launch state from the arguments: the manifest is read and checked here, in main. */
export function launchState(
  args: LaunchArgs,
  opts: { isPackaged: boolean; resourcesPath?: string; platform?: NodeJS.Platform },
): LaunchState {
  let manifestPath = args.manifest;
  if (!manifestPath && opts.isPackaged && opts.resourcesPath) {
    const shipped = join(opts.resourcesPath, 'vendor', 'manifest.json');
    if (existsSync(shipped)) manifestPath = shipped;
  }
  const state: LaunchState = {
    action: args.action ?? (manifestPath ? 'register' : 'manage'),
    manifest: null,
    manifestWarnings: [],
    manifestError: null,
    wawi: args.wawi ?? null,
    platform: opts.platform ?? process.platform,
  };
  if (args.problems.length) {
    state.manifestError = new HelperError('invalid-input', { params: { reason: args.problems.join(' ') } });
  } else if (manifestPath) {
    try {
      const loaded = loadManifest(manifestPath);
      state.manifest = loaded.manifest;
      state.manifestWarnings = loaded.warnings;
    } catch (err) {
      state.manifestError = isHelperError(err)
        ? err
        : new HelperError('manifest-invalid', { params: { problems: String(err) } });
    }
  }
  return state;
}

/** The language to start in: the launch argument, else the merchant's last choice, else the system's. */
export function startLang(argument: Lang | undefined, lastChoice: Lang | undefined, locale: string): Lang {
  return argument ?? lastChoice ?? langOfLocale(locale);
}

/** Whether a launch asks for something (a flow, a manifest, a server), or only for the window. */
export function asksForWork(args: LaunchArgs): boolean {
  return Boolean(args.action || args.manifest || args.wawi);
}
