import type { Asset } from '../../src/api/schemas.js';
import { formatCopy, getCopy, providerName, statusLabel, type ProviderStatus } from '../../src/status/index.js';

/**
 * The vanilla-DOM baseline: no framework, no components, no shadow DOM. It renders only the cards the
 * viewport shows, each cloned from a `<template>` with a card's visible structure (thumbnail, title, meta
 * list, status badge with its icon and label) and filled with `textContent` and attributes.
 *
 * How many cards: columns as the gallery's grid makes them (`repeat(auto-fill, minmax(14rem, 1fr))`, gap
 * 1rem), rows to fill the viewport's height, plus one. Filtering runs `Array.filter` over all assets, then
 * renders the visible cards again.
 */

/** The gallery's defaults: `--age-size-card-min-width: 14rem`, `--age-space-gap: 1rem` (at 16px). */
const MIN_CARD_WIDTH = 224;
const GAP = 16;
/** The media box is 16 / 9; the text under it, with one-line title, two meta lines and the badge: ~124 px. */
const BODY_HEIGHT = 120;
/** Like the gallery: the first cards load eagerly, the rest lazily. */
const EAGER_CARDS = 6;

/** The status icons' shapes, the same as the components' (`src/components/shared/status-icons.ts`). */
const SHAPES: Record<ProviderStatus, string> = {
  ok: '<circle cx="8" cy="8" r="6.5"/><path d="M5 8.3l2.1 2.1L11.2 6"/>',
  local_only: '<path d="M4.6 12.5h6.9a2.8 2.8 0 0 0 .5-5.55A4 4 0 0 0 4.3 6.1 3.2 3.2 0 0 0 4.6 12.5z"/><path d="M2 2l12 12"/>',
  flagged: '<path d="M3.5 14.5V1.8"/><path d="M3.5 2.3h9l-2.2 3.1 2.2 3.1h-9"/>',
  unknown: '<circle cx="8" cy="8" r="6.5"/><path d="M6.1 6.2a2 2 0 1 1 2.7 1.9c-.5.2-.8.6-.8 1.1v.5"/><path d="M8 11.6v.1"/>',
};

function cardMarkup(status: ProviderStatus): string {
  return `<li><article class="bl-card">
  <div class="bl-media"><img class="bl-image" alt="" decoding="async"></div>
  <div class="bl-body">
    <p class="bl-title"></p>
    <ul class="bl-meta"><li class="bl-type"></li><li class="bl-provider"></li><li class="bl-duration"></li><li class="bl-created"><span></span> <time></time></li></ul>
    <span class="bl-badge" data-status="${status}"><svg class="bl-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">${SHAPES[status]}</svg><span class="bl-label"></span></span>
  </div>
</article></li>`;
}

let dateFormat: Intl.DateTimeFormat | undefined;
let secondsFormat: Intl.NumberFormat | undefined;

export class Baseline {
  readonly grid: HTMLUListElement;
  /** Made on first use, inside the timed section, as Lit prepares a template the first time it renders it. */
  private readonly templates = new Map<ProviderStatus, HTMLTemplateElement>();
  private all: Asset[] = [];
  private list: Asset[] = [];

  constructor(parent: HTMLElement) {
    this.grid = document.createElement('ul');
    this.grid.className = 'bl-grid';
    parent.append(this.grid);
  }

  /** Shows these assets (the timed "data → cards"). */
  show(assets: Asset[]): void {
    this.all = assets;
    this.list = assets;
    this.render();
  }

  /** Shows the assets of one status, or all (the timed filter switch). */
  filter(status: ProviderStatus | null): void {
    this.list = status === null ? this.all : this.all.filter((asset) => asset.provider_status === status);
    this.render();
  }

  /** How many cards the viewport shows: full columns, rows to the viewport's bottom, and one more row. */
  visibleCount(): number {
    const width = this.grid.clientWidth;
    const columns = Math.max(1, Math.floor((width + GAP) / (MIN_CARD_WIDTH + GAP)));
    const columnWidth = (width - (columns - 1) * GAP) / columns;
    const rowHeight = (columnWidth * 9) / 16 + BODY_HEIGHT + GAP;
    const rows = Math.ceil(window.innerHeight / rowHeight) + 1;
    return Math.min(this.list.length, columns * rows);
  }

  private render(): void {
    const count = this.visibleCount();
    const fragment = document.createDocumentFragment();
    for (let index = 0; index < count; index++) fragment.append(this.card(this.list[index] as Asset, index));
    this.grid.replaceChildren(fragment);
  }

  private template(status: ProviderStatus): HTMLTemplateElement {
    let template = this.templates.get(status);
    if (!template) {
      template = document.createElement('template');
      template.innerHTML = cardMarkup(status);
      this.templates.set(status, template);
    }
    return template;
  }

  private card(asset: Asset, index: number): DocumentFragment {
    const copy = getCopy();
    const node = this.template(asset.provider_status).content.cloneNode(true) as DocumentFragment;
    const image = node.querySelector('img') as HTMLImageElement;
    const src = asset.preview_url ?? asset.thumbnail_url;
    if (src !== null) {
      image.loading = index < EAGER_CARDS ? 'eager' : 'lazy';
      image.src = src;
    } else {
      image.remove();
    }
    const mediaType = asset.media_type === null ? '' : (copy.card.mediaTypes[asset.media_type] ?? asset.media_type);
    (node.querySelector('.bl-title') as HTMLElement).textContent =
      asset.description ?? formatCopy(copy.card.untitled, { mediaType, id: asset.id }).trim();
    (node.querySelector('.bl-type') as HTMLElement).textContent = mediaType;
    (node.querySelector('.bl-provider') as HTMLElement).textContent = providerName(asset.provider_id, copy);
    const duration = node.querySelector('.bl-duration') as HTMLElement;
    if (asset.duration_sec === null) {
      duration.remove();
    } else {
      secondsFormat ??= new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
      duration.textContent = formatCopy(copy.card.duration, { seconds: secondsFormat.format(asset.duration_sec) });
    }
    const created = node.querySelector('.bl-created') as HTMLElement;
    if (asset.created_at === null) {
      created.remove();
    } else {
      dateFormat ??= new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
      (created.firstElementChild as HTMLElement).textContent = copy.card.created;
      const time = created.querySelector('time') as HTMLTimeElement;
      time.dateTime = asset.created_at;
      time.textContent = dateFormat.format(new Date(asset.created_at));
    }
    (node.querySelector('.bl-label') as HTMLElement).textContent = statusLabel(asset.provider_status, copy);
    return node;
  }
}
