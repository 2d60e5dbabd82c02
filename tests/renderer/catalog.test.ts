import { describe, expect, it } from 'vitest';
import { catalog, languages } from '../../renderer/src/i18n/catalog';

/** Every leaf of a resource tree as [dotted key, value]. */
function leaves(tree: unknown, prefix = ''): [string, unknown][] {
  if (tree === null || typeof tree !== 'object') return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

const engineErrorCodes = [
  'BAD_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'WRONG_PASSWORD',
  'LOCKED',
  'DISABLED',
  'NOT_FOUND',
  'CONFLICT',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'DATABASE_MISSING',
  'DATABASE_CORRUPT',
  'READ_ONLY',
  'DISK_FULL',
  'STORAGE',
  'CANCELLED',
  'INTERNAL',
];

describe('string catalog', () => {
  it('offers zh-CN first and English second', () => {
    expect(languages).toEqual(['zh-CN', 'en']);
  });

  it('has the same keys in every language', () => {
    const zh = leaves(catalog['zh-CN'])
      .map(([k]) => k)
      .sort();
    const en = leaves(catalog.en)
      .map(([k]) => k)
      .sort();
    expect(zh.length).toBeGreaterThan(100);
    expect(en).toEqual(zh);
  });

  it('has no empty or non-string entries', () => {
    for (const lng of languages) {
      const bad = leaves(catalog[lng]).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
      expect(bad, `${lng}: ${bad.map(([k]) => k).join(', ')}`).toEqual([]);
    }
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const en = new Map(leaves(catalog.en));
    const mismatched = leaves(catalog['zh-CN']).filter(
      ([k, v]) => JSON.stringify(vars(v)) !== JSON.stringify(vars(en.get(k))),
    );
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it('has a message for every engine error code', () => {
    for (const code of engineErrorCodes) {
      expect(catalog['zh-CN'].errors).toHaveProperty(code);
      expect(catalog.en.errors).toHaveProperty(code);
    }
  });

  it('writes Chinese in the zh-CN catalog', () => {
    // A zh-CN string that was left in English would slip past the key check.
    const latinOnly = leaves(catalog['zh-CN']).filter(
      ([k, v]) => !k.startsWith('lang.') && !/[\u4e00-\u9fff]/.test(String(v)),
    );
    expect(latinOnly.map(([k]) => k)).toEqual([]);
  });
});
