import { expect } from '@open-wc/testing';
import { createMockBackend, mockFetch, type MockBackendOptions } from '../../mocks/index.js';

const json = { 'Content-Type': 'application/json' };

/** `POST /api/v1/assets/bulk/get` through `mockFetch`, as the live gallery asks for the assets of a burst of events. */
function bulk(options: MockBackendOptions = {}) {
  const backend = createMockBackend({ count: 30, ...options });
  const fetch = mockFetch(backend.handlers);
  const get = (body: unknown, headers: Record<string, string> = {}) =>
    fetch('/api/v1/assets/bulk/get', { method: 'POST', body: JSON.stringify(body), headers: { ...json, ...headers } });
  return { backend, get };
}

describe('mock backend: bulk/get', () => {
  it('answers the assets of the ids asked for, in the HEAD list shape, and leaves a missing id out', async () => {
    const { backend, get } = bulk();
    const [first, second] = backend.db.assets;
    const response = await get({ asset_ids: [second?.id, 99_999, first?.id, second?.id] });
    expect(response.status).to.equal(200);
    const assets = await response.json();
    expect(assets.map((asset: { id: number }) => asset.id)).to.deep.equal([second?.id, first?.id]);
    expect(assets[0]).to.have.property('provider_uploads');
    expect(assets[0]).to.have.property('provider_status');
    expect(await (await get({ asset_ids: [] })).json()).to.deep.equal([]);
  });

  it('refuses more than 200 ids, and a body without asset_ids, with FastAPI’s 422', async () => {
    const { get } = bulk();
    const tooMany = await get({ asset_ids: Array.from({ length: 201 }, (_, i) => 1000 + i) });
    expect(tooMany.status).to.equal(422);
    expect((await tooMany.json()).detail[0].loc).to.deep.equal(['body', 'asset_ids']);
    expect((await get({ asset_ids: Array.from({ length: 200 }, (_, i) => 1000 + i) })).status).to.equal(200);
    const missing = await get({ ids: [1001] });
    expect(missing.status).to.equal(422);
    expect((await missing.json()).detail[0].msg).to.equal('Field required');
    expect((await get({ asset_ids: [1001, 'x'] })).status).to.equal(422);
  });

  it('answers 404 Not Found on a server without the route (bulkGet: false, and old-server)', async () => {
    for (const options of [{ bulkGet: false }, { scenario: 'old-server' }] as const) {
      const response = await bulk(options).get({ asset_ids: [1001] });
      expect(response.status, JSON.stringify(options)).to.equal(404);
      expect(await response.json()).to.deep.equal({ detail: 'Not Found' });
    }
  });

  it('asks for the Authorization header, and fails as listing fails', async () => {
    const locked = bulk({ authorization: 'Bearer t' });
    expect((await locked.get({ asset_ids: [1001] })).status).to.equal(401);
    expect((await locked.get({ asset_ids: [1001] }, { Authorization: 'Bearer t' })).status).to.equal(200);
    expect((await bulk({ failure: 'server-error' }).get({ asset_ids: [1001] })).status).to.equal(500);
  });
});
