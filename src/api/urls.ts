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
    const absolute = parseAbsolute(value);
    if (absolute) return SAFE_PROTOCOLS.has(absolute.protocol) ? sameString(value, absolute.href) : null;
    const resolvedBase = base ?? pageBase();
    const url = new URL(value, resolvedBase);
    if (url.origin !== originOf(resolvedBase)) return null;
    if (base !== undefined) return url.href;
    // Without a base a path comes back as a path: never one that reads as //other-host (".//evil.example/x").
    const path = url.pathname + url.search + url.hash;
    return path.startsWith('//') ? null : path;
  } catch {
    return null;
  }
}

/**
 * The string the host or server sent when the browser writes the URL the same way: 100 000 assets then keep their
 * URLs once, not twice (a new copy of each would also make every young-generation collection copy it).
 */
const sameString = (sent: string, written: string): string => (written === sent ? sent : written);

/*
 * Every asset has up to four URLs, and a host may hand over 100 000 assets: each URL is parsed once (URL.parse
 * where the browser has it, rather than canParse and then parsing again), and the base's origin, the same for a
 * whole list, is worked out once per base rather than once per URL.
 */
const urlParse = (URL as { parse?: (url: string) => URL | null }).parse;

/** `value` as an absolute URL, or null when it is relative (or not a URL). */
function parseAbsolute(value: string): URL | null {
  if (urlParse) return urlParse(value);
  return URL.canParse(value) ? new URL(value) : null;
}

let lastBase: { href: string; origin: string } | undefined;

/** The origin of a base URL (throws, as `new URL` does, for one that is not a URL). */
function originOf(base: string): string {
  if (lastBase?.href !== base) lastBase = { href: base, origin: new URL(base).origin };
  return lastBase.origin;
}

let lastPage: { uri: string; base: string } | undefined;

/**
 * What a relative URL is read against when no base is given: the page's base, so that "img/1.jpg" on a page
 * at /app/ becomes /app/img/1.jpg rather than /img/1.jpg. Outside a browser, or on a page whose base is not
 * http(s) (about:blank, file:), a placeholder origin: paths then stay as given.
 */
function pageBase(): string {
  const page = typeof document !== 'undefined' ? document.baseURI : undefined;
  if (typeof page !== 'string') return PLACEHOLDER_ORIGIN;
  if (lastPage?.uri !== page) lastPage = { uri: page, base: /^https?:/i.test(page) && URL.canParse(page) ? page : PLACEHOLDER_ORIGIN };
  return lastPage.base;
}
