import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module without types
import { checkLayers } from '../../scripts/check-layers.mjs';
import { ROOT } from '../helpers/proc';

function tree(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('layer rules', () => {
  it('hold for this repository', () => {
    expect(checkLayers(ROOT)).toEqual([]);
  });

  it('catch electron in main/core, Node in shared and renderer, and renderer reaching into main', () => {
    const dir = tree({
      'main/core/a.ts': "import { app } from 'electron';\n",
      'main/ipc/b.ts': "const e = require('electron');\n",
      'shared/c.ts':
        "import { readFileSync } from 'node:fs';\nimport { z } from 'zod';\nimport { x } from './d';\n",
      'shared/d.ts': "export * from '../main/core/a';\n",
      'renderer/src/e.tsx':
        "import React from 'react';\nimport { x } from '../../shared/c';\nimport os from 'os';\nimport { y } from '../../main/core/a';\nimport keytar from 'keytar';\n",
    });
    const problems: string[] = checkLayers(dir);
    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).toMatch(/main\/core\/a\.ts: imports 'electron'/);
    expect(problems.join('\n')).toMatch(/main\/ipc\/b\.ts: imports 'electron'/);
    expect(problems.join('\n')).toMatch(/shared\/c\.ts: imports 'node:fs'/);
    expect(problems.join('\n')).toMatch(/shared\/d\.ts: imports '..\/main\/core\/a'/);
    expect(problems.join('\n')).toMatch(/renderer\/src\/e\.tsx: imports 'os'/);
    expect(problems.join('\n')).toMatch(/renderer\/src\/e\.tsx: imports '..\/..\/main\/core\/a'/);
    expect(problems.join('\n')).toMatch(/renderer\/src\/e\.tsx: imports 'keytar'/);
  });
});
