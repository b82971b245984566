/**
 * The demo page `npm start` serves: the whole gallery on the mock backend. The MSW worker starts first
 * (toolchain P17: a fetch made before the worker controls the page would reach Vite and get a 404); only
 * then is the <asset-gallery> put in the page. ?scenario= and ?api= pick the mock's behaviour.
 */
import { setupWorker } from 'msw/browser';
import { isScenarioName, SCENARIO_DESCRIPTIONS, SCENARIO_NAMES, scenarioHandlers, type ScenarioName } from '../mocks/index.js';
import '../src/index.js';
import { de } from '../src/locales/de.js';
import { registerLocale } from '../src/status/index.js';

const params = new URLSearchParams(location.search);
const requested = params.get('scenario');
const scenario: ScenarioName = isScenarioName(requested) ? requested : 'default';
const api = params.get('api') === 'search' ? 'search' : 'query';
const theme = params.get('theme') === 'light' || params.get('theme') === 'dark' ? (params.get('theme') as 'light' | 'dark') : undefined;
const lang = params.get('lang') === 'de' ? 'de' : 'en';
const dir = params.get('dir') === 'rtl' ? 'rtl' : 'ltr';
registerLocale('de', de);

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element as T;
}

const form = byId<HTMLFormElement>('scenario-form');
const scenarioSelect = byId<HTMLSelectElement>('scenario');
const apiSelect = byId<HTMLSelectElement>('api');
const status = byId('status');
const opened = byId('opened');

// The switchers are a GET form, so the choice lives in the URL and survives a reload.
for (const name of SCENARIO_NAMES) {
  const option = document.createElement('option');
  option.value = name;
  option.textContent = `${name}: ${SCENARIO_DESCRIPTIONS[name]}`;
  option.selected = name === scenario;
  scenarioSelect.append(option);
}
apiSelect.value = api;
const themeSelect = byId<HTMLSelectElement>('theme');
const langSelect = byId<HTMLSelectElement>('lang');
const dirSelect = byId<HTMLSelectElement>('dir');
themeSelect.value = theme ?? '';
langSelect.value = lang;
dirSelect.value = dir;
for (const select of [scenarioSelect, apiSelect, themeSelect, langSelect, dirSelect]) select.addEventListener('change', () => form.requestSubmit());

// Closed for a newcomer, so a phone's first screen is the gallery; once opened, it stays open through the
// reloads its choices cause (for this tab), so stepping through scenarios does not mean reopening it each time.
const settings = byId<HTMLDetailsElement>('settings');
settings.open = sessionStorage.getItem('demo-settings-open') === 'true';
settings.addEventListener('toggle', () => sessionStorage.setItem('demo-settings-open', String(settings.open)));

try {
  await setupWorker(...scenarioHandlers(scenario)).start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledFrame: 'bypass',
    quiet: true,
  });
} catch (error) {
  status.textContent = `The mock backend could not start: ${error instanceof Error ? error.message : String(error)}`;
  throw error;
}

const gallery = document.createElement('asset-gallery');
gallery.api = api;
gallery.pageSize = 24;
gallery.syncUrl = true;
gallery.infiniteScroll = true;
gallery.uploads = true;
// Follows the mock's event socket: in the `moderation` scenario a card turns Flagged 5 s in, `live-library` adds and deletes.
gallery.live = true;
gallery.theme = theme;
gallery.addEventListener('assets-loaded', (event) => {
  const { count, total } = event.detail;
  status.textContent = `Mock backend “${scenario}” (${api} API): ${count} assets loaded${total !== undefined && api === 'search' ? ` of ${total}` : ''}.`;
});
gallery.addEventListener('assets-error', (event) => {
  status.textContent = `Mock backend “${scenario}” (${api} API): ${event.detail.message}`;
});
gallery.addEventListener('asset-open', (event) => {
  opened.textContent = `asset-open: #${event.detail.asset.id} (${event.detail.asset.provider_status})`;
});
status.textContent = `Mock backend “${scenario}” (${api} API) is running.`;
// The gallery takes its language and direction from the page around it.
const slot = byId('gallery-slot');
slot.lang = lang;
slot.dir = dir;
slot.append(gallery);
