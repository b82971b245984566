/** The language of the nearest `lang` above the element, across shadow roots (the page's, in the end). */
export function localeOf(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const withLang: Element | null = node.closest('[lang]');
    if (withLang) return withLang.getAttribute('lang') || undefined;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F, fallback: () => F): F {
  let format = formats.get(key) as F | undefined;
  if (!format) {
    try {
      format = make();
    } catch {
      format = fallback(); // an invalid lang attribute: the browser's default locale
    }
    formats.set(key, format);
  }
  return format;
}

/** Intl.NumberFormat for the locale, made once per locale and options. */
export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(`n|${locale ?? ''}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options), () => new Intl.NumberFormat(undefined, options));
}

/** Intl.DateTimeFormat (medium date, short time) for the locale, in the reader's time zone. */
export function dateTimeFormat(locale: string | undefined): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  return cached(`d|${locale ?? ''}`, () => new Intl.DateTimeFormat(locale, options), () => new Intl.DateTimeFormat(undefined, options));
}
