/**
 * The backend stores naive UTC times ("2025-11-21T18:02:11.482913"); read them as UTC, never as the reader's
 * local time. Returns ISO 8601 in UTC, or null for anything that is not a date.
 */
export function utcIso(value: unknown): string | null {
  if (typeof value !== 'string' || !/^\s*\d{4}-\d{2}-\d{2}/.test(value)) return null;
  let iso = value.trim();
  if (iso.length === 10) iso += 'T00:00:00';
  iso = iso.replace(/([+-]\d{2}:?\d{2})Z$/i, '$1'); // HEAD's upload history writes "+00:00Z"
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(iso)) iso += 'Z'; // naive means UTC
  const time = Date.parse(iso);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}
