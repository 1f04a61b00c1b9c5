import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three suites: unit (fake browser, happy-dom), sandbox (contract tests in Node), e2e (real browsers).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'happy-dom', setupFiles: ['tests/unit/i18n/setup.ts'] },
      },
      {
        test: { name: 'sandbox', include: ['tests/sandbox/**/*.test.ts'], environment: 'node', testTimeout: 20_000 },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/e2e/setup-report-retries.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Real browsers on a shared two-core machine: a test may be starved once. It gets one more try, and
          // the report marks it "(retry x1)" so that a flaky test stays visible instead of failing the run.
          retry: 1,
        },
      },
    ],
  },
});
