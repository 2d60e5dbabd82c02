import { openTempRoot } from '../helpers/temp-root';

let close: (() => void) | undefined;

/** vitest global setup: every worker inherits TMPDIR = this run's temp root (tests/helpers/temp-root.ts). */
export function setup(): void {
  close = openTempRoot('vitest').close;
}

/** Removes the run's temp root, unmounting any test disk left below it. */
export function teardown(): void {
  close?.();
}
