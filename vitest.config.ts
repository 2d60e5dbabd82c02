import { defineConfig } from 'vitest/config';

/** Unit and integration tests; e2e lives under tests/e2e and runs in Playwright. */
export const config = defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One temp root per run, removed at the end (tests/helpers/temp-root.ts).
    globalSetup: ['tests/setup/vitest-temp-root.ts'],
  },
});

// vitest loads the config's default export; this is the one default export the project has.
export default config;
