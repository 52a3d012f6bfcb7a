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
                testTimeout: 120_000,
                hookTimeout: 180_000,
              },
            },
          ]
        : []),
    ],
  },
});
