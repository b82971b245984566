import { createAssetsClient, type ApiStyle } from '../../src/api/index.js';
import { createMockBackend, mockFetch, type MockBackendOptions } from '../../mocks/index.js';

/** A mock backend and an assets client wired to it through `mockFetch` (no service worker). */
export function setup(options: MockBackendOptions = {}, api: ApiStyle = 'query') {
  const backend = createMockBackend({ endpoint: '/api/v1/assets', ...options });
  const fetch = mockFetch(backend.handlers);
  const client = createAssetsClient({ endpoint: '/api/v1/assets', api, fetch });
  /** The raw JSON the mock sends, for checks of the wire format itself. */
  const raw = async (path: string, init?: RequestInit) => (await fetch(new URL(path, location.href).href, init)).json();
  return { backend, client, fetch, raw };
}

export { rejectionOf } from '../helpers.js';
