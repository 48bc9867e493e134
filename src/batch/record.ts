/**
 * Records keyed by names a person chose (parameters, metrics, causes). They have no prototype, so
 * a parameter called `constructor`, `toString` or `__proto__` is an ordinary key: never an
 * inherited member, never a silent prototype change.
 */
export function newRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

export function hasOwn(record: object | undefined | null, key: string): boolean {
  return record != null && Object.prototype.hasOwnProperty.call(record, key);
}

/** `record[key]` if the record itself has it (not its prototype). */
export function ownValue<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return hasOwn(record, key) ? record![key] : undefined;
}
