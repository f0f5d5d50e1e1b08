// The CLI build's step that takes Node's built-ins without an import (scripts/builtins-without-facade.mjs):
// same behaviour, same columns for the source maps.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a build script without types
import { builtinsWithoutFacade } from '../../scripts/builtins-without-facade.mjs';

const BANNER = "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);";
const chunk = [
  BANNER,
  'import{join as j,sep}from"node:path";import{createHash as h}from"node:crypto";export const f=()=>j("a","b")+sep+h("sha256").update("x").digest("hex").slice(0,4);',
  '//# sourceMappingURL=x.mjs.map',
].join('\n');

describe('built-ins without an import', () => {
  it('moves each named import to the first line and keeps every later column in place', () => {
    const { code, moved, left } = builtinsWithoutFacade(chunk);
    expect(moved).toBe(2);
    expect(left).toEqual([]);
    const [first, second, third] = code.split('\n');
    expect(first).toBe(
      `${BANNER} const{join:j,sep}=process.getBuiltinModule("node:path");const{createHash:h}=process.getBuiltinModule("node:crypto");`,
    );
    const before = chunk.split('\n')[1]!;
    expect(second).toHaveLength(before.length);
    expect(second!.indexOf('export const f')).toBe(before.indexOf('export const f'));
    expect(second).not.toContain('import');
    expect(third).toBe('//# sourceMappingURL=x.mjs.map');
  });

  it('the moved module runs as the original does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'builtins-'));
    const code = chunk.replace(/\n\/\/# sourceMappingURL.*/, '');
    try {
      writeFileSync(join(dir, 'a.mjs'), code);
      writeFileSync(join(dir, 'b.mjs'), builtinsWithoutFacade(code).code);
      const a = await import(pathToFileURL(join(dir, 'a.mjs')).href);
      const b = await import(pathToFileURL(join(dir, 'b.mjs')).href);
      expect(b.f()).toBe('a/b/2d71');
      expect(b.f()).toBe(a.f());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports an import it cannot move (the build then fails) and leaves the code alone', () => {
    const other = `${BANNER}\nimport*as fs from"node:fs";export const e=fs.existsSync;`;
    const r = builtinsWithoutFacade(other);
    expect(r.left).toEqual(['import*as fs from"node:fs"']);
    expect(r.code).toBe(other);
  });
});
