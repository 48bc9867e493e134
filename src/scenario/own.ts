/**
 * Lookups by a name the user wrote. A plain object inherits `constructor`, `toString`, … from
 * Object.prototype, so `record[name]` would find things nobody declared: read own properties only.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** A copy of `record` without a prototype, safe to index by user names. */
export function nullPrototype<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const copy = Object.create(null) as Record<string, T>;
  for (const key of Object.keys(record)) copy[key] = record[key]!;
  return copy;
}
