import { openTempRoot } from '../helpers/temp-root';

/**
 * Playwright global setup: workers inherit TMPDIR = this run's temp root; the returned function is
 * Playwright's teardown and removes it (tests/helpers/temp-root.ts).
 */
// Playwright loads a global setup file's default export.
export default function globalSetup(): () => void {
  return openTempRoot('e2e').close;
}
