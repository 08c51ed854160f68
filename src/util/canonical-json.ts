/**
 * Canonical JSON: object keys sorted at every level, so two values with the same content give the
 * same string whatever their key order. Used to compare catalog items for equality.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: [string, unknown][] = Object.keys(v)
      .sort()
      .map((k) => [k, (v as Record<string, unknown>)[k]]);
    // Object.fromEntries defines keys, so a "__proto__" member stays an ordinary member.
    return Object.fromEntries(sorted);
  });
}
