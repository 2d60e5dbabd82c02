/**
 * Enforcement categories an item can be filed under (catalog: categories.<key>). The engine
 * stores the key; 'unclassified' (待分类) is what ingest sets when nothing is known, and such
 * footage is never subject to short retention.
 */
export const categoryKeys = [
  'unclassified',
  'inspection',
  'investigation',
  'seizure',
  'demolition',
  'hearing',
  'service',
  'other',
] as const;

export type CategoryKey = (typeof categoryKeys)[number];

/** True when `value` is one of the catalog's categories (older or imported values may not be). */
export function isCategoryKey(value: string): value is CategoryKey {
  return (categoryKeys as readonly string[]).includes(value);
}
