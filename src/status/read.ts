/** Reads one property of untrusted data; a non-object or a throwing getter reads as undefined. */
export function readField(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}
