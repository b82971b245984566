import type { UploadProgress } from '../../../api/index.js';
import { formatCopy, type Copy } from '../../../status/index.js';
import { numberFormat } from '../../shared/locale.js';

/** What a row shows of its file's bytes on their way: the words, and the bar's value of max (none: indeterminate). */
export interface SendingView {
  words: string;
  bar?: { value: number; max: number };
}

/** Sizes in the unit of the larger figure, SI as file managers and size-limit count them (1 MB = 1 000 000 B). */
const UNITS = [
  [1e9, 'gigabyte'],
  [1e6, 'megabyte'],
  [1e3, 'kilobyte'],
] as const;

/**
 * "Sending: 2.1 MB of 4.6 MB (45%)", or undefined once every byte is sent (the server and the provider have it
 * now, and how long they take cannot be told) or before the first count.
 */
export function sendingView(sent: UploadProgress | undefined, copy: Copy, locale: string | undefined): SendingView | undefined {
  if (!sent) return undefined;
  const { loaded, total } = sent;
  if (total !== undefined && loaded >= total) return undefined;
  const size = sizeFormat(total ?? loaded, locale);
  if (total === undefined) return { words: formatCopy(copy.upload.sendingUnknownTotal, { sent: size(loaded) }) };
  // Rounded down: 100% only once it is all sent.
  const percent = numberFormat(locale, { style: 'percent' }).format(Math.floor((100 * loaded) / total) / 100);
  return { words: formatCopy(copy.upload.sending, { sent: size(loaded), total: size(total), percent }), bar: { value: loaded, max: total } };
}

function sizeFormat(reference: number, locale: string | undefined): (bytes: number) => string {
  const [unit, name] = UNITS.find(([each]) => reference >= each) ?? [1, 'byte'];
  const digits = unit >= 1e6 ? 1 : 0;
  const format = numberFormat(locale, { style: 'unit', unit: name, maximumFractionDigits: digits });
  // Cut, not rounded: never "4.6 MB of 4.6 MB" before the last byte.
  return (bytes) => format.format(Math.floor((bytes / unit) * 10 ** digits) / 10 ** digits);
}

/**
 * Passes a file's progress on when the figure shown would change (a percent, or 100 kB while the total is not
 * known), not for every event, and nothing after `end()`: a host's uploader may still call after it answered.
 */
export function sentSteps(show: (sent: UploadProgress) => void): { tell: (sent: UploadProgress) => void; end: () => void } {
  let ended = false;
  let shown = -1;
  return {
    tell(sent) {
      const step = sent.total ? Math.floor((100 * sent.loaded) / sent.total) : Math.floor(sent.loaded / 100_000);
      if (ended || step === shown) return;
      shown = step;
      show(sent);
    },
    end() {
      ended = true;
    },
  };
}
