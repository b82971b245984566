const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'blob:']);
const PLACEHOLDER_ORIGIN = 'http://relative.invalid';

/**
 * The URL to put in a `src` or `href`, or null when it may not go there. Absolute URLs must be http(s) or
 * `blob:` (no `javascript:`, `data:`, …). A relative URL must stay on the origin of `base` (the endpoint it
 * came from), which rules out `//other-host` tricks; it comes back absolute against `base`, or as a path when
 * there is no base. Without a base, a page-relative URL ("img/1.jpg") is read against the page's own base
 * (`document.baseURI`), as the browser would read it in a `src`. Never throws.
 */
export function toSafeUrl(value: unknown, base?: string): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    if (URL.canParse(value)) {
      const url = new URL(value);
      return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
    }
    const resolvedBase = base ?? pageBase();
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

/**
 * What a relative URL is read against when no base is given: the page's base, so that "img/1.jpg" on a page
 * at /app/ becomes /app/img/1.jpg rather than /img/1.jpg. Outside a browser, or on a page whose base is not
 * http(s) (about:blank, file:), a placeholder origin: paths then stay as given.
 */
function pageBase(): string {
  const page = typeof document !== 'undefined' ? document.baseURI : undefined;
  return typeof page === 'string' && /^https?:/i.test(page) && URL.canParse(page) ? page : PLACEHOLDER_ORIGIN;
}
