/**
 * The backend stores naive UTC times ("2025-11-21T18:02:11.482913"); read them as UTC, never as the reader's
 * local time. Returns ISO 8601 in UTC, or null for anything that is not a date.
 */
export function utcIso(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // The backend's own form, by far the most common: one test, and read as UTC at once.
  if (NAIVE.test(value)) return isoOf(Date.parse(`${value}Z`));
  if (!/^\s*\d{4}-\d{2}-\d{2}/.test(value)) return null;
  let iso = value.trim();
  if (iso.length === 10) iso += 'T00:00:00';
  iso = iso.replace(/([+-]\d{2}:?\d{2})Z$/i, '$1'); // HEAD's upload history writes "+00:00Z"
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(iso)) iso += 'Z'; // naive means UTC
  return isoOf(Date.parse(iso));
}

/** A naive date and time as the backend writes it: "2025-11-21T18:02:11.482913" (no zone: UTC). */
const NAIVE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;

function isoOf(time: number): string | null {
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}
