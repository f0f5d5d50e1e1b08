// The keychain lock between helper processes: calls wait for each other, and a lock left by a killed
// process is taken over instead of blocking every later helper.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withKeychainLock } from '../../main/core/store/keychain-lock';

const lockIn = () => join(mkdtempSync(join(tmpdir(), 'wawi-lock-')), 'keychain.lock');

describe('the keychain lock', () => {
  it('runs calls one at a time and is gone afterwards', async () => {
    const path = lockIn();
    const order: string[] = [];
    const call = (name: string, ms: number) =>
      withKeychainLock(path, async () => {
        order.push(`${name} in`);
        await new Promise((r) => setTimeout(r, ms));
        order.push(`${name} out`);
      });
    await Promise.all([call('a', 50), call('b', 1)]);
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out']);
    expect(existsSync(path)).toBe(false);
  });

  it('takes over a lock whose owner was killed', async () => {
    const path = lockIn();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    mkdirSync(path);
    writeFileSync(join(path, 'owner'), gone);
    const began = Date.now();
    expect(await withKeychainLock(path, async () => 'ran')).toBe('ran');
    expect(Date.now() - began).toBeLessThan(1000);
  });

  it('waits for a lock whose owner lives', async () => {
    const path = lockIn();
    mkdirSync(path);
    writeFileSync(join(path, 'owner'), String(process.pid));
    let ran = false;
    const waiting = withKeychainLock(path, async () => {
      ran = true;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(ran).toBe(false);
    rmSync(path, { recursive: true });
    await waiting;
    expect(ran).toBe(true);
  });
});
