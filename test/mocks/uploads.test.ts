import { expect } from '@open-wc/testing';
import { HttpError } from '../../src/api/index.js';
import { interpretUploadResponse } from '../../src/status/index.js';
import { rejectionOf, setup } from './helpers.js';

const png = () => new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3])], 'koi.png', { type: 'image/png' });

describe('mock backend: uploads', () => {
  it('accepted: the provider takes the file, the list shows it on top as Provider OK, its bytes are served back', async () => {
    const { client, fetch } = setup();
    const reply = await client.upload({ file: png(), provider_id: 'pixverse' });
    const outcome = interpretUploadResponse(reply);
    expect(outcome.providerSucceeded).to.equal(true);
    expect(outcome.message).to.equal('Uploaded to Pixverse');
    const [top] = (await client.list({ limit: 1 })).assets;
    expect(top?.id).to.equal(reply.asset_id);
    expect(top?.provider_status).to.equal('ok');
    const bytes = new Uint8Array(await (await fetch(new URL(`/api/v1/assets/${reply.asset_id}/file`, location.href).href)).arrayBuffer());
    expect([...bytes]).to.deep.equal([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);
  });

  it('provider-down: upload and upload-from-url end local only with the real note, and the list says Local only', async () => {
    const { client } = setup({ scenario: 'provider-down' });
    for (const reply of [
      await client.upload({ file: png(), provider_id: 'pixverse' }),
      await client.uploadFromUrl({ url: 'https://example.com/cat.jpg', provider_id: 'pixverse' }),
    ]) {
      expect(reply.note).to.equal("Asset saved locally; provider upload failed: No available account for provider 'pixverse'");
      expect(reply.provider_asset_id).to.match(/^local_[0-9a-f]{16}$/);
      const outcome = interpretUploadResponse(reply);
      expect(outcome).to.deep.include({ providerSucceeded: false, status: 'local_only', reason: "No available account for provider 'pixverse'" });
      expect((await client.get(reply.asset_id as number)).provider_status).to.equal('local_only');
    }
  });

  it('provider-down: a re-upload fails with HTTP 500 and the asset stays local only', async () => {
    const { client, backend } = setup({ scenario: 'provider-down' });
    const local = backend.db.assets.find((asset) => asset.provider_asset_id.startsWith('local_'));
    const error = await rejectionOf(client.reupload(local?.id as number, { provider_id: 'pixverse' }));
    expect(error).to.be.instanceOf(HttpError);
    expect(error.message).to.contain('Failed to upload asset to provider');
    expect((await client.get(local?.id as number)).provider_status).to.equal('local_only');
  });

  it('a re-upload the provider accepts turns a local-only asset into Provider OK', async () => {
    const { client, backend } = setup();
    const local = backend.db.assets.find((asset) => asset.provider_asset_id.startsWith('local_'));
    const reply = await client.reupload(local?.id as number, { provider_id: 'pixverse' });
    expect(interpretUploadResponse(reply).providerSucceeded).to.equal(true);
    expect((await client.get(local?.id as number)).provider_status).to.equal('ok');
  });

  it('moderation: an accepted asset is flagged once the delay has passed', async () => {
    let now = 1_000_000;
    const { client } = setup({ scenario: 'moderation', moderationDelayMs: 5000, now: () => now });
    const reply = await client.uploadFromUrl({ url: 'https://example.com/clip.mp4', provider_id: 'pixverse' });
    expect((await client.get(reply.asset_id as number)).provider_status).to.equal('ok');
    now += 5001;
    const flagged = await client.get(reply.asset_id as number);
    expect(flagged.provider_status).to.equal('flagged');
    expect(flagged.provider_status_reason).to.equal('post_delivery_moderation');
  });

  it('moderation: the newest accepted asset of the library is flagged a few seconds after start', async () => {
    let now = 5_000_000;
    const { client, backend } = setup({ scenario: 'moderation', now: () => now });
    const target = backend.db.assets.find((asset) => asset.flag_at !== null);
    expect((await client.get(target?.id as number)).provider_status).to.equal('ok');
    now += 60_000;
    expect((await client.get(target?.id as number)).provider_status).to.equal('flagged');
  });

  it('rejects what the real backend rejects, with its words', async () => {
    const { client } = setup();
    const text = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    expect((await rejectionOf(client.upload({ file: text, provider_id: 'pixverse' }))).message).to.contain('Unsupported content type: text/plain');
    expect((await rejectionOf(client.uploadFromUrl({ url: 'ftp://example.com/a.jpg', provider_id: 'pixverse' }))).message).to.contain('URL must be http(s)');
    expect((await rejectionOf(client.reupload(424242, { provider_id: 'pixverse' }))).message).to.contain('Asset not found');
  });
});
