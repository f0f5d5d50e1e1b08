// .github/workflows/ci.yml (validated by action-validator in `npm run lint`): each platform's job does
// what the README says it proves, and every file a step runs exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/proc';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
}
interface Job {
  'runs-on': string;
  container?: string;
  env?: Record<string, string>;
  steps: Step[];
}
const workflow = loadYaml(readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8')) as {
  jobs: Record<string, Job>;
};
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

describe('the CI workflow', () => {
  it('linux runs .ci/run on Debian 12 with Node 22, as this machine does', () => {
    const { linux } = workflow.jobs;
    expect(linux?.container).toBe('node:22-bookworm');
    expect(runs(linux!)).toContain('bash .ci/run');
  });

  it('windows has each step: Credential Manager tests, Electron smoke, readers, clipboard, installer', () => {
    const { windows } = workflow.jobs;
    expect(windows?.['runs-on']).toBe('windows-latest');
    expect(windows?.env?.WAWI_WINDOWS_CI).toBe('1');
    const text = runs(windows!);
    for (const command of [
      'npm ci',
      'npm run typecheck',
      'npm run lint',
      'npx vitest run',
      'npx playwright test test/e2e/electron.spec.ts',
      'npm run dist:win -- --unsigned',
      './.github/scripts/installer-check.ps1',
    ])
      expect(text).toContain(command);
    expect(windows!.steps.some((s) => s.uses?.startsWith('actions/setup-dotnet'))).toBe(true);
    // Nothing skips the Electron binary's download there.
    expect(JSON.stringify(windows)).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  });

  it('macos runs the unit tests and the keychain', () => {
    const text = runs(workflow.jobs.macos!);
    expect(text).toContain('npx vitest run --project unit');
    expect(text).toContain('test/integration/keychain.test.ts');
  });

  it('every file the jobs run exists, and the Windows-only tests say why they skip here', () => {
    for (const file of [
      '.ci/run',
      '.github/scripts/installer-check.ps1',
      'test/e2e/electron.spec.ts',
      'test/integration/windows.test.ts',
      'test/integration/keychain.test.ts',
      'test/integration/reader-node.test.ts',
      'readers/dotnet/test/PrintKey/PrintKey.csproj',
    ])
      expect(existsSync(join(ROOT, file)), file).toBe(true);
    expect(readFileSync(join(ROOT, 'test/integration/windows.test.ts'), 'utf8')).toContain('WINDOWS_SKIP');
    expect(readFileSync(join(ROOT, 'test/e2e/electron.spec.ts'), 'utf8')).toContain('SKIP_NO_BINARY');
  });
});
