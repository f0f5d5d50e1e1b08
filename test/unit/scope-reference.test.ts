// The scope reference vendors read (docs/scopes.md) is what the catalogue makes: written by
// `npm run docs:scopes`, checked here (the test never writes it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { scopeReference } from '../../shared/scope-reference';
import { ALL_SCOPES } from '../../shared/scopes';
import { ROOT } from '../helpers/proc';

it('docs/scopes.md is up to date with the catalogue (npm run docs:scopes), and names every scope', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'scopes.md'), 'utf8');
  expect(doc, 'run "npm run docs:scopes"').toBe(scopeReference());
  for (const scope of ALL_SCOPES) expect(doc).toContain(`\`${scope}\``);
});
