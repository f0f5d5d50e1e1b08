import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HelperError } from '../../main/core/errors';
import { createLogger, redact, redactText, registerSecret } from '../../main/core/log/logger';

describe('redaction', () => {
  it('hides Authorization, x-challengecode, keys and codes wherever they appear', () => {
    registerSecret('7F1C2E9A-0000-4C4C-9999-ABCDEFABCDEF');
    const out = JSON.stringify(
      redact({
        headers: {
          Authorization: 'Wawi 7F1C2E9A-0000-4C4C-9999-ABCDEFABCDEF',
          'x-challengecode': 'c0de-secret',
        },
        apiKey: 'anything',
        challengeCode: 'c0de-secret',
        note: 'the key 7F1C2E9A-0000-4C4C-9999-ABCDEFABCDEF leaked into text',
        nested: [{ token: { apiKey: 'x' } }],
        err: new Error('failed with Authorization: Wawi ABC123'),
      }),
    );
    expect(out).not.toMatch(/7F1C2E9A|c0de-secret|anything|ABC123/);
    expect(redactText('x-challengecode: abcdef, apiKey="k-123"')).toBe(
      'x-challengecode: [redacted], apiKey="[redacted]"',
    );
  });

  it('blanks the key after "Wawi" only in an Authorization value, not after any word Wawi', () => {
    expect(redactText('JTL Wawi server at 127.0.0.1 answered')).toBe('JTL Wawi server at 127.0.0.1 answered');
    expect(redactText('"authorization":"Wawi k-42"')).toBe('"authorization":"Wawi [redacted]"');
    expect(redactText('Authorization = Wawi k-42;')).toBe('Authorization = Wawi [redacted];');
  });

  it('errors leave main redacted, also when a hostile server echoes a secret back', () => {
    registerSecret('echoed-challenge-code-123');
    const e = new HelperError('validation', {
      status: 400,
      fields: { 'echoed-challenge-code-123': ['is echoed-challenge-code-123'] },
      params: { reason: 'server said echoed-challenge-code-123' },
    });
    const json = JSON.stringify(e.toJSON());
    expect(json).not.toContain('echoed-challenge-code-123');
    expect(e.message).not.toContain('echoed-challenge-code-123');
    // A secret learned after the error was made is redacted when it leaves.
    const late = new HelperError('bad-response', { params: { reason: 'late-secret-4567' } });
    registerSecret('late-secret-4567');
    expect(JSON.stringify(late.toJSON())).not.toContain('late-secret-4567');
  });
});

describe('log file', () => {
  it('writes JSON lines with levels and rotates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'log-'));
    const file = join(dir, 'logs', 'helper.log');
    const log = createLogger({ file, level: 'info', maxBytes: 400, keep: 2 });
    log.debug('not written');
    for (let i = 0; i < 20; i++) log.child({ flow: 'x' }).info('line', { i });
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'line', flow: 'x' });
    expect(lines.every((l) => l.msg !== 'not written')).toBe(true);
    expect(existsSync(join(dir, 'logs', 'helper.1.log'))).toBe(true);
    expect(existsSync(join(dir, 'logs', 'helper.2.log'))).toBe(true);
    expect(existsSync(join(dir, 'logs', 'helper.3.log'))).toBe(false);
  });

  it('never throws when the file cannot be written', () => {
    // The log folder's parent is a file: every write fails with ENOTDIR.
    const dir = mkdtempSync(join(tmpdir(), 'log-'));
    writeFileSync(join(dir, 'not-a-folder'), '');
    const log = createLogger({ file: join(dir, 'not-a-folder', 'logs', 'helper.log') });
    expect(() => log.error('still fine')).not.toThrow();
  });
});
