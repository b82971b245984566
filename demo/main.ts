/**
 * The demo page `npm start` serves. It starts the MSW mock backend first (P17: a fetch made before the worker
 * controls the page goes to Vite and gets a 404), then lists assets with the library's client.
 * Until the gallery elements exist this is plain DOM; every value from the server goes in through textContent.
 */
import { setupWorker } from 'msw/browser';
import { isScenarioName, SCENARIO_DESCRIPTIONS, SCENARIO_NAMES, scenarioHandlers, type ScenarioName } from '../mocks/index.js';
import { createAssetsClient, type Asset, type AssetPage } from '../src/api/index.js';
import { countByStatus, PROVIDER_STATUSES, providerName, statusExplanation, statusLabel } from '../src/status/index.js';

const PAGE_SIZE = 50;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element as T;
}

const ui = {
  form: byId<HTMLFormElement>('scenario-form'),
  select: byId<HTMLSelectElement>('scenario'),
  status: byId('status'),
  error: byId('error'),
  countsSection: byId('counts-section'),
  counts: byId<HTMLUListElement>('counts'),
  assetsSection: byId('assets-section'),
  rows: byId<HTMLTableSectionElement>('rows'),
  skipped: byId('skipped'),
  loadMore: byId<HTMLButtonElement>('load-more'),
  moreError: byId('more-error'),
};

const requested = new URLSearchParams(location.search).get('scenario');
const scenario: ScenarioName = isScenarioName(requested) ? requested : 'default';

// The scenario switcher: a GET form, so the choice lives in the URL (?scenario=…) and survives a reload.
for (const name of SCENARIO_NAMES) {
  const option = document.createElement('option');
  option.value = name;
  option.textContent = `${name}: ${SCENARIO_DESCRIPTIONS[name]}`;
  option.selected = name === scenario;
  ui.select.append(option);
}
ui.select.addEventListener('change', () => ui.form.requestSubmit());

const client = createAssetsClient();
let loaded = 0;
let skipped = 0;
let nextCursor: string | null = null;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function formatCreated(iso: string | null): HTMLElement {
  if (!iso) return element('span', '—');
  const time = element('time', `${iso.slice(0, 10)} ${iso.slice(11, 16)}`);
  time.dateTime = iso;
  return time;
}

function row(asset: Asset): HTMLTableRowElement {
  const tr = element('tr');
  const status = element('td', undefined, `status status-${asset.provider_status}`);
  status.append(
    element('span', statusLabel(asset.provider_status), 'status-label'),
    element('span', statusExplanation(asset.provider_status, asset.provider_status_reason ?? undefined), 'status-explanation'),
  );
  const created = element('td');
  created.append(formatCreated(asset.created_at));
  tr.append(
    element('td', String(asset.id)),
    element('td', asset.description ?? '—'),
    element('td', asset.media_type ?? '—'),
    element('td', asset.provider_id ? providerName(asset.provider_id) : '—'),
    status,
    created,
  );
  return tr;
}

function showCounts(assets: Asset[]): void {
  const counts = countByStatus(assets);
  ui.counts.replaceChildren(
    ...PROVIDER_STATUSES.map((status) => {
      const item = element('li', undefined, `status-${status}`);
      item.append(element('strong', String(counts[status])), ` ${statusLabel(status)}`);
      return item;
    }),
  );
  ui.countsSection.hidden = false;
}

function showPage(page: AssetPage): void {
  ui.rows.append(...page.assets.map(row));
  loaded += page.assets.length;
  skipped += page.skipped;
  nextCursor = page.next_cursor;
  ui.assetsSection.hidden = loaded === 0 && skipped === 0;
  // The button is about to disappear: keep keyboard focus on the status line, where the news is.
  if (nextCursor === null) keepFocus(ui.loadMore);
  ui.loadMore.hidden = nextCursor === null;
  ui.skipped.hidden = skipped === 0;
  ui.skipped.textContent = `${skipped} item${skipped === 1 ? '' : 's'} from the server could not be shown.`;
  const more = nextCursor === null ? 'That is all of them.' : 'More are available.';
  ui.status.textContent = loaded === 0 ? 'The library is empty.' : `${loaded} asset${loaded === 1 ? '' : 's'} loaded. ${more}`;
}

const firstPageError = element('p', undefined, 'error');
const retry = element('button', 'Try again');
retry.type = 'button';
retry.addEventListener('click', () => void loadFirstPage());

/** Moves keyboard focus to the status line before `leaving` disappears with focus inside it. */
function keepFocus(leaving: HTMLElement): void {
  if (!leaving.contains(document.activeElement)) return;
  ui.status.tabIndex = -1;
  ui.status.focus();
}

let loadingFirst = false;

async function loadFirstPage(): Promise<void> {
  if (loadingFirst) return;
  loadingFirst = true;
  ui.status.textContent = 'Loading assets…';
  try {
    const page = await client.list({ limit: PAGE_SIZE });
    keepFocus(ui.error);
    ui.error.replaceChildren();
    showCounts(page.assets);
    showPage(page);
  } catch (error) {
    ui.status.textContent = 'The assets could not be loaded.';
    firstPageError.textContent = messageOf(error);
    // Kept in place on a repeated failure, so a focused "Try again" keeps its focus.
    if (!retry.isConnected) ui.error.replaceChildren(firstPageError, retry);
  } finally {
    loadingFirst = false;
  }
}

let loadingMore = false;

async function loadMore(): Promise<void> {
  if (!nextCursor || loadingMore) return;
  // aria-disabled rather than disabled: a disabled button drops keyboard focus to <body>.
  loadingMore = true;
  ui.loadMore.setAttribute('aria-disabled', 'true');
  ui.loadMore.textContent = 'Loading…';
  ui.moreError.replaceChildren();
  try {
    showPage(await client.list({ limit: PAGE_SIZE, cursor: nextCursor }));
  } catch (error) {
    // The button stays, so the person can try again.
    ui.moreError.replaceChildren(element('p', messageOf(error), 'error'));
  } finally {
    loadingMore = false;
    ui.loadMore.removeAttribute('aria-disabled');
    ui.loadMore.textContent = 'Load more';
  }
}

ui.loadMore.addEventListener('click', () => void loadMore());

try {
  await setupWorker(...scenarioHandlers(scenario)).start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledFrame: 'bypass',
    quiet: true,
  });
  await loadFirstPage();
} catch (error) {
  ui.status.textContent = 'The mock backend could not start.';
  ui.error.replaceChildren(element('p', messageOf(error), 'error'));
}
