import type { Common } from './args';

/** Prints a result: JSON with --json, else the human text. */
export function print(common: Common, json: unknown, human: string): void {
  process.stdout.write(
    common.json ? JSON.stringify(json, null, 2) + '\n' : human.endsWith('\n') ? human : human + '\n',
  );
}

/** Pads columns for plain-text tables (CJK characters count double on a terminal). */
export function table(rows: string[][]): string {
  const width = (s: string) => [...s].reduce((n, c) => n + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
  const cols = Math.max(...rows.map((r) => r.length));
  const w = Array.from({ length: cols }, (_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows
    .map((r) =>
      r
        .map((c, i) => c + ' '.repeat(w[i]! - width(c)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
