const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'blob:']);
const PLACEHOLDER_ORIGIN = 'http://relative.invalid';

/**
 * The URL to put in a `src` or `href`, or null when it may not go there. Absolute URLs must be http(s) or
 * `blob:` (no `javascript:`, `data:`, …). A relative URL must stay on the origin of `base` (the endpoint it
 * came from), which rules out `//other-host` tricks; it comes back absolute against `base`, or as a path when
 * there is no base. Never throws.
 */
export function toSafeUrl(value: unknown, base?: string): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    if (URL.canParse(value)) {
      const url = new URL(value);
      return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
    }
    const resolvedBase = base ?? PLACEHOLDER_ORIGIN;
    const url = new URL(value, resolvedBase);
    if (url.origin !== new URL(resolvedBase).origin) return null;
    if (base !== undefined) return url.href;
    // Without a base a path comes back as a path: never one that reads as //other-host (".//evil.example/x").
    const path = url.pathname + url.search + url.hash;
    return path.startsWith('//') ? null : path;
  } catch {
    return null;
  }
}
