import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const integration = ['apps/server/src/**/*.int.test.ts'];
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
// Browser tests need Debian's chromium (and CJK fonts); CI installs both, so there they always run.
// npm test sets GUANJIA_TEST_SKIP_BROWSER when either is missing on a developer's machine.
const withBrowser =
  process.env.GUANJIA_TEST_SKIP_BROWSER !== '1' &&
  existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');

export default defineConfig({
  test: {
    // Vitest's default is one worker per core minus one: a single worker on CI's two cores, which left
    // the second core idle while a file waited on PostgreSQL, Chromium or its own server process.
    maxWorkers: 2,
    // Workers are reused between files (the pool reads this from the root config only). A project's own
    // `isolate` then decides whether its files share loaded modules: the integration projects do, the
    // unit and browser projects keep a fresh module graph per file.
    poolOptions: { forks: { isolate: false } },
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'apps/server/src/**/*.test.ts',
            'packages/shared/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
          ],
          exclude: [...integration, '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'pglite',
          include: integration,
          // Files share a worker's module graph instead of loading the whole server again per file (most
          // of an integration file's time was module loading); each file still builds its own services.
          isolate: false,
          env: { GUANJIA_TEST_DB: 'pglite' },
          globalSetup: ['apps/server/src/testing/global-setup-pglite.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...(withPostgres
        ? [
            {
              test: {
                name: 'postgres',
                include: integration,
                isolate: false,
                env: { GUANJIA_TEST_DB: 'postgres' },
                globalSetup: ['apps/server/src/testing/global-setup-postgres.ts'],
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
      ...(withBrowser
        ? [
            {
              test: {
                name: 'e2e',
                include: ['e2e/**/*.e2e.test.ts'],
                globalSetup: ['e2e/support/global-setup.ts'],
                // expect.poll gives up after 1 s by default: on a loaded machine a page can take longer
                // to show a server's answer. 15 s, as long as a locator waits.
                expect: { poll: { timeout: 15_000 } },
                testTimeout: 120_000,
                hookTimeout: 180_000,
              },
            },
          ]
        : []),
    ],
  },
});
