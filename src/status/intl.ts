/**
 * Intl formatters, made once per locale and options: numbers, plural rules and dates, for the copy and the
 * elements alike. A locale Intl rejects (an invalid `lang`) falls back to the browser's default.
 */
type Format = Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules;
const formats = new Map<string, Format>();

function cached<F extends Format>(key: string, make: (locale: string | undefined) => F, locale: string | undefined): F {
  let format = formats.get(key) as F | undefined;
  if (!format) {
    try {
      format = make(locale);
    } catch {
      format = make(undefined);
    }
    formats.set(key, format);
  }
  return format;
}

/** Intl.NumberFormat for the locale. */
export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(`n|${locale ?? ''}|${JSON.stringify(options)}`, (each) => new Intl.NumberFormat(each, options), locale);
}

/** Intl.PluralRules (cardinal) for the locale. */
export function pluralRules(locale: string | undefined): Intl.PluralRules {
  return cached(`p|${locale ?? ''}`, (each) => new Intl.PluralRules(each), locale);
}

/** Intl.DateTimeFormat (medium date, short time) for the locale, in the reader's time zone. */
export function dateTimeFormat(locale: string | undefined): Intl.DateTimeFormat {
  return cached(`d|${locale ?? ''}`, (each) => new Intl.DateTimeFormat(each, { dateStyle: 'medium', timeStyle: 'short' }), locale);
}
