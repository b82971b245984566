import type { UploadProgress } from '../../../api/index.js';
import type { Copy, UploadOutcome } from '../../../status/index.js';
import { isRecord, readField } from '../../../status/read.js';
import type { UploadRequestDetail } from '../../shared/events.js';
import type { UploadState } from '../../shared/upload.js';

/**
 * Words kept as what to say, and said when read: a page that switches language (or copy) re-words every outcome
 * already shown, the live region's too.
 */
export type Words = (copy: Copy) => string;

/** What a card or row shows, its words still to be said. */
export type StateData =
  | { phase: 'running'; providerId: string; sent?: UploadProgress }
  | { phase: 'done'; assetId: number | undefined; outcome: (copy: Copy) => UploadOutcome }
  | { phase: 'failed'; words: Words };

/** A listed file or URL whose upload was cancelled, or cut short: it stays, with Retry. */
export const STOPPED: StateData = { phase: 'failed', words: (copy) => copy.upload.stopped };

/** A file or URL a person asked to upload, as the list shows it, from the moment they chose it until it is in the list. */
export interface UploadRow {
  key: number;
  label: string;
  request: UploadRequestDetail;
  /** null while it waits for its turn. */
  state: UploadState | null;
}

/** The same, kept: its state still to be worded. */
export interface RowData {
  key: number;
  /** The file's name or the URL, as given; null for a file without a name (worded "Upload files"). */
  name: string | null;
  request: UploadRequestDetail;
  state: StateData | null;
}

/** The bulk re-upload of the loaded local-only assets, as it stands. */
export interface BulkProgress {
  total: number;
  done: number;
  failed: number;
  accepted: number;
  localOnly: number;
  running: boolean;
  cancelled: boolean;
}

/** A state and, once read, its words in the copy they were read in (the same object until either changes). */
export interface Kept {
  data: StateData;
  said?: { copy: Copy; state: UploadState };
}

/** A state as a card or row shows it, in the given copy. */
export function wordState(data: StateData, copy: Copy): UploadState {
  switch (data.phase) {
    case 'running':
      return data;
    case 'failed':
      return { phase: 'failed', message: data.words(copy) };
    case 'done':
      return { phase: 'done', assetId: data.assetId, ...data.outcome(copy) };
  }
}

/**
 * The kept states as a read-only map whose entries are worded as they are read: `get(id)` words that one entry
 * only, so a card's lookup costs the same with 10 000 states as with one.
 */
export class WordedStates implements ReadonlyMap<number, UploadState> {
  readonly #states: ReadonlyMap<number, Kept>;
  readonly #word: (kept: Kept) => UploadState;

  constructor(states: ReadonlyMap<number, Kept>, word: (kept: Kept) => UploadState) {
    this.#states = states;
    this.#word = word;
  }

  get size(): number {
    return this.#states.size;
  }

  get(id: number): UploadState | undefined {
    const kept = this.#states.get(id);
    return kept && this.#word(kept);
  }

  has(id: number): boolean {
    return this.#states.has(id);
  }

  forEach(callback: (state: UploadState, id: number, map: ReadonlyMap<number, UploadState>) => void, thisArg?: unknown): void {
    for (const [id, kept] of this.#states) callback.call(thisArg, this.#word(kept), id, this);
  }

  #worded(): Map<number, UploadState> {
    return new Map([...this.#states].map(([id, kept]) => [id, this.#word(kept)]));
  }

  entries(): MapIterator<[number, UploadState]> {
    return this.#worded().entries();
  }

  keys(): MapIterator<number> {
    return this.#states.keys();
  }

  values(): MapIterator<UploadState> {
    return this.#worded().values();
  }

  [Symbol.iterator](): MapIterator<[number, UploadState]> {
    return this.entries();
  }
}

/**
 * What of a reply its words are made from, read once when it arrived: a host's uploader may reuse or change the
 * object later, and the words said in another language must be about the same answer.
 */
export function keptReply(reply: unknown): unknown {
  if (!isRecord(reply)) return null;
  const text = (key: string) => {
    const value = readField(reply, key);
    return typeof value === 'string' ? value : undefined;
  };
  return { provider_id: text('provider_id'), note: text('note') };
}

