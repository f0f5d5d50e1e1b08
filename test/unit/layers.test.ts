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

  it('hold the import map: public entries only, package allowlists, no test/ from product code', () => {
    const dir = tree({
      'main/core/index.ts': 'export {};\n',
      'main/core/flows/x.ts': "import { request } from 'undici';\nimport { z } from 'zod';\n",
      'main/ipc/a.ts': "import { x } from '../core/flows/x';\nimport { y } from '../core/index';\n",
      'main/cli/b.ts':
        "import { Command } from 'commander';\nimport { parseArgs } from 'node:util';\nimport { request } from 'undici';\nimport { s } from '../../test/helpers/sim';\nimport { w } from '../../tools/wawi-sim/index';\nimport { v } from '../../tools/wawi-sim/state';\n",
      'tools/wawi-sim/index.ts': "import { m } from '../../shared/manifest';\n",
      'tools/wawi-sim/state.ts': "import { createServer } from 'node:http';\n",
      'renderer/src/c.tsx': "import { z } from 'zod';\n",
      'test/helpers/sim.ts': 'export {};\n',
    });
    const problems: string[] = checkLayers(dir);
    const text = problems.join('\n');
    expect(text).toMatch(
      /main\/ipc\/a\.ts: imports '..\/core\/flows\/x': main\/ipc\/ may use main\/core\/ only through main\/core\/index\.ts/,
    );
    expect(text).toMatch(/main\/cli\/b\.ts: imports 'commander'/);
    expect(text).toMatch(/main\/cli\/b\.ts: imports 'undici'/);
    expect(text).toMatch(
      /main\/cli\/b\.ts: imports '..\/..\/test\/helpers\/sim': product code never imports test\//,
    );
    expect(text).toMatch(/main\/cli\/b\.ts: imports '..\/..\/tools\/wawi-sim\/state'/);
    expect(text).toMatch(/tools\/wawi-sim\/index\.ts: imports '..\/..\/shared\/manifest'/);
    expect(text).toMatch(/renderer\/src\/c\.tsx: imports 'zod'/);
    expect(problems).toHaveLength(7);
  });

  it('keep the order inside main/core: flows → store / wawi / signing / manifest → errors → log', () => {
    const dir = tree({
      'main/core/service.ts': "import { f } from './flows/f';\n",
      'main/core/flows/f.ts': "import { s } from '../store/s';\nimport { e } from '../errors';\n",
      'main/core/store/s.ts': "import { w } from '../wawi/w';\nimport { f } from '../flows/f';\n",
      'main/core/wawi/w.ts': "import { l } from '../log/l';\n",
      'main/core/errors.ts': "import { l } from './log/l';\nimport { w } from './wawi/w';\n",
      'main/core/log/l.ts': "import { e } from '../errors';\n",
    });
    const problems: string[] = checkLayers(dir);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/main\/core\/store\/s\.ts: imports '..\/flows\/f'/);
    expect(problems.join('\n')).toMatch(/main\/core\/errors\.ts: imports '.\/wawi\/w'/);
    expect(problems.join('\n')).toMatch(/main\/core\/log\/l\.ts: imports '..\/errors'/);
  });
});
