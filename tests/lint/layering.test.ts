import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules live in eslint.config.js; these tests plant violations as virtual files in
 * each layer and check that lint fails on them (and passes the allowed forms).
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function errorsFor(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering lint', () => {
  it('fails on a planted native/ → electron import', async () => {
    const errs = await errorsFor(
      'native/planted.ts',
      "import { app } from 'electron';\nexport const x = app;\n",
    );
    expect(errs.some((e) => e.includes('must not import electron'))).toBe(true);
  });

  it('fails on native/ importing React or using the DOM', async () => {
    const react = await errorsFor(
      'native/planted.ts',
      "import { useState } from 'react';\nexport const x = useState;\n",
    );
    expect(react.some((e) => e.includes('UI libraries'))).toBe(true);
    const dom = await errorsFor('native/planted.ts', 'export const t = document.title;\n');
    expect(dom.some((e) => e.startsWith('no-restricted-globals'))).toBe(true);
  });

  it('fails on renderer/ importing Node built-ins or engine runtime code', async () => {
    const fs = await errorsFor(
      'renderer/src/planted.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    );
    expect(fs.some((e) => e.includes('Node built-ins'))).toBe(true);
    const eng = await errorsFor(
      'renderer/src/planted.ts',
      "import { contract } from '../../native/api/contract';\nexport const x = contract;\n",
    );
    expect(eng.some((e) => e.includes('only types from native'))).toBe(true);
  });

  it('allows renderer/ to import the contract as types', async () => {
    const errs = await errorsFor(
      'renderer/src/planted.ts',
      "import type { OpName } from '../../native/api/contract';\nexport const x: OpName = 'system.status';\n",
    );
    expect(errs).toEqual([]);
  });

  it('fails on electron imported outside electron/', async () => {
    const errs = await errorsFor(
      'bench/planted.ts',
      "import { app } from 'electron';\nexport const x = app;\n",
    );
    expect(errs.some((e) => e.includes('Only electron/ imports electron'))).toBe(true);
  });
});
