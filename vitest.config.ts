import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/** What the build puts in for the CLI's --version (scripts/build.mjs). */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** The long trials (random kills) run only in `npm run test:soak`. */
const soak = process.env.WAWI_SOAK === '1';

export default defineConfig({
  define: { __HELPER_VERSION__: JSON.stringify(version) },
  test: {
    environment: 'node',
    // A bound for a test that hangs, not a speed goal (those are in `npm run bench`): generous, so a
    // machine busy with a second run stays correct.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for a state to be reached; on a loaded 2-core machine that can take seconds.
    expect: { poll: { timeout: 10_000 } },
    // A fresh process per test file: a keyring, the environment and module state of its own.
    pool: 'forks',
    // The integration tests wait on servers, keyrings and processes more than they compute: more
    // forks than cores (2 here) shorten the run.
    maxWorkers: 3,
    globalSetup: ['test/global-setup.ts'],
    projects: [
      ...(soak
        ? [
            {
              extends: true,
              test: { name: 'soak', include: ['test/soak/**/*.test.ts'], testTimeout: 30 * 60_000 },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/flows/**/*.test.ts', 'test/sim/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: ['test/setup/private-keyring.ts'],
        },
      },
    ],
  },
});
