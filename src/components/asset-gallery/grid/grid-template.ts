import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Asset } from '../../../api/index.js';
import { formatCopy, type Copy, type CopyOverrides } from '../../../status/index.js';
import type { UploadState } from '../../shared/upload.js';
import type { GridFocus } from './grid-focus.js';
import type { RowWindow } from './virtual-rows.js';

export interface GridView {
  visible: Asset[];
  window: RowWindow;
  columns: number;
  /** The list is still being read (host data): its length is not the total, and nothing may say it is. */
  reading: boolean;
  tabStop: number;
  eagerCards: number;
  focus: GridFocus;
  copy: Copy;
  /** The gallery's own `copy`, handed to each card. */
  overrides: CopyOverrides | null;
  numbers: Intl.NumberFormat;
  uploads: boolean;
  uploadProvider: string | null;
  uploadState: (id: number) => UploadState | null;
  onUploadRequest: (event: Event) => void;
}

/**
 * The virtualized grid: only the rows of `window` are in the DOM, the rest is padding; one tab stop, the active
 * card. Cards keep their place in the row: a filter switch updates them instead of making new ones.
 */
export function renderGrid(view: GridView): TemplateResult {
  const { visible, window, columns, tabStop, copy, numbers } = view;
  const count = numbers.format(visible.length);
  const position = view.reading ? copy.gallery.positionReading : copy.gallery.position;
  const rowCount = Math.ceil(visible.length / columns);
  const rows: number[] = [];
  for (let row = window.first; row < window.last; row++) rows.push(row);
  return html`<div
    part="list"
    class="grid"
    role="grid"
    tabindex="-1"
    aria-label=${copy.gallery.listLabel}
    aria-rowcount=${view.reading ? -1 : rowCount}
    aria-colcount=${columns}
    aria-busy=${view.reading ? 'true' : nothing}
    data-rows=${rowCount}
    @keydown=${view.focus.onKeydown}
    @focusin=${view.focus.onFocusIn}
    @focusout=${view.focus.onFocusOut}
    @upload-request=${view.onUploadRequest}
  >
    ${repeat(
      rows,
      (row) => row,
      (row) => html`<div class="row" role="row" aria-rowindex=${row + 1}>
        ${visible.slice(row * columns, Math.min(visible.length, (row + 1) * columns)).map((asset, column) => {
          const index = row * columns + column;
          return html`<media-card
            part="card"
            role="gridcell"
            aria-colindex=${column + 1}
            tabindex=${index === tabStop ? '0' : '-1'}
            data-index=${index}
            .asset=${asset}
            .upload=${view.uploadState(asset.id)}
            .position=${formatCopy(position, { position: numbers.format(index + 1), count })}
            .tabbable=${index === tabStop}
            .copy=${view.overrides}
            ?uploads=${view.uploads}
            upload-provider=${view.uploadProvider ?? nothing}
            loading=${index < view.eagerCards ? 'eager' : 'lazy'}
          ></media-card>`;
        })}
      </div>`,
    )}
  </div>`;
}
