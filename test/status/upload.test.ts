import { expect } from '@open-wc/testing';
import { interpretUploadResponse } from '../../src/status/index.js';
import { uploadLocalOnlyHead, uploadSuccessEraA, uploadSuccessHead } from '../api/fixtures.js';

const PREFIX = 'Asset saved locally; provider upload failed';

/** An Era A shaped upload reply from pixverse with the given note (or none, when `note` is omitted). */
function reply(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    provider_id: 'pixverse',
    media_type: 'image',
    external_url: 'https://media.pixverse.ai/openapi/a.jpg',
    provider_asset_id: 'a4e7c2d9',
    ...fields,
  };
}

describe('interpretUploadResponse', () => {
  describe('the section 9.3 samples', () => {
    it('HEAD success ("Uploaded via OpenAPI") is provider success', () => {
      expect(interpretUploadResponse(uploadSuccessHead())).to.deep.equal({
        providerSucceeded: true,
        status: 'ok',
        message: 'Uploaded to Pixverse',
      });
    });

    it('Era A success with a local_ placeholder id is still provider success', () => {
      const outcome = interpretUploadResponse(uploadSuccessEraA());
      expect(outcome.providerSucceeded).to.equal(true);
      expect(outcome.status).to.equal('ok');
      expect(outcome.message).to.equal('Uploaded to Pixverse');
    });

    it('the HEAD local-only failure is not success, with the reason after the colon', () => {
      expect(interpretUploadResponse(uploadLocalOnlyHead())).to.deep.equal({
        providerSucceeded: false,
        status: 'local_only',
        message: "Saved locally; provider upload failed: No available account for provider 'pixverse'",
        reason: "No available account for provider 'pixverse'",
      });
    });
  });

  describe('success notes', () => {
    const successNotes: Array<[string, unknown]> = [
      ['null', null],
      ['empty', ''],
      ['"Uploaded to provider successfully"', 'Uploaded to provider successfully'],
      ['"Uploaded via OpenAPI"', 'Uploaded via OpenAPI'],
      ['a preparation note', 'Downscaled to <= 4096; Recompressed'],
      ['a note that mentions failure in the middle', 'Retried: provider upload failed once, then succeeded'],
      ['a number', 42],
    ];
    for (const [label, note] of successNotes) {
      it(`treats a ${label} note as provider success`, () => {
        const outcome = interpretUploadResponse(reply({ note }));
        expect(outcome.providerSucceeded).to.equal(true);
        expect(outcome.status).to.equal('ok');
        expect(outcome).not.to.have.property('reason');
      });
    }

    it('treats an absent note as provider success', () => {
      const outcome = interpretUploadResponse(reply());
      expect(outcome.providerSucceeded).to.equal(true);
      expect(outcome.status).to.equal('ok');
    });

    it('names the provider in the success message', () => {
      expect(interpretUploadResponse(reply({ note: 'Uploaded via OpenAPI' })).message).to.equal('Uploaded to Pixverse');
    });

    it('shows an unknown provider id as it is', () => {
      expect(interpretUploadResponse(reply({ provider_id: 'kling' })).message).to.equal('Uploaded to kling');
    });

    it('says "the provider" when the reply names none', () => {
      expect(interpretUploadResponse({ note: 'Uploaded via OpenAPI' }).message).to.equal('Uploaded to the provider');
    });
  });

  describe('dedup notes', () => {
    for (const note of ['Reused existing asset (deduplicated by sha256)', 'Reused existing asset (phash match)', 'Reused existing asset (deduplicated by sha256, uploaded to pixverse)']) {
      it(`reports ${JSON.stringify(note)} as success that reused an asset`, () => {
        const outcome = interpretUploadResponse(reply({ note }));
        expect(outcome.providerSucceeded).to.equal(true);
        expect(outcome.status).to.equal('ok');
        expect(outcome.message).to.equal('Already on Pixverse: reused an existing asset');
        expect(outcome.message).to.match(/reused/i);
      });
    }
  });

  describe('library saves (save_target=library)', () => {
    const library = {
      provider_id: 'local',
      media_type: 'image',
      external_url: '/api/v1/media/u/1/content/ab/x.jpg',
      provider_asset_id: 'local_4f2a9c0e7b1d8635',
      asset_id: 5,
      note: 'Saved to library (backend storage only).',
      versioning_status: 'not_requested',
    };
    it('reports the contract’s library reply as local only, never as provider success', () => {
      const outcome = interpretUploadResponse(library);
      expect(outcome).to.deep.equal({ providerSucceeded: false, status: 'local_only', message: 'Saved to the library only; not sent to a provider' });
    });
    it('knows it by the provider `local` alone, or by the note alone', () => {
      expect(interpretUploadResponse({ ...library, note: null }).providerSucceeded).to.equal(false);
      expect(interpretUploadResponse({ ...library, note: 'Reused existing asset (deduplicated by sha256)' }).status).to.equal('local_only');
      expect(interpretUploadResponse({ ...library, provider_id: 'pixverse' }).providerSucceeded).to.equal(false);
    });
  });

  describe('local-only notes', () => {
    it('gives the full reason, colons included', () => {
      const outcome = interpretUploadResponse(reply({ note: `${PREFIX}: Pixverse upload failed: HTTP 500` }));
      expect(outcome.providerSucceeded).to.equal(false);
      expect(outcome.status).to.equal('local_only');
      expect(outcome.reason).to.equal('Pixverse upload failed: HTTP 500');
      expect(outcome.message).to.equal('Saved locally; provider upload failed: Pixverse upload failed: HTTP 500');
    });

    it('handles the prefix with no colon: not success, no reason', () => {
      expect(interpretUploadResponse(reply({ note: PREFIX }))).to.deep.equal({
        providerSucceeded: false,
        status: 'local_only',
        message: 'Saved locally; provider upload failed',
      });
    });

    it('handles an empty reason after the colon: not success, no reason', () => {
      expect(interpretUploadResponse(reply({ note: `${PREFIX}:   ` }))).to.deep.equal({
        providerSucceeded: false,
        status: 'local_only',
        message: 'Saved locally; provider upload failed',
      });
    });

    it('is not success even though external_url and provider_asset_id look like a provider copy', () => {
      const outcome = interpretUploadResponse(reply({ note: `${PREFIX}: timeout`, provider_asset_id: '381947226051264' }));
      expect(outcome.providerSucceeded).to.equal(false);
      expect(outcome.status).to.equal('local_only');
    });
  });

  describe('replies that are not an object are never success', () => {
    const replies: Array<[string, unknown]> = [
      ['null', null],
      ['undefined', undefined],
      ['"text"', 'text'],
      ['42', 42],
      ['[]', []],
      ['an array holding a success reply', [uploadSuccessHead()]],
    ];
    for (const [label, value] of replies) {
      it(`reports ${label} as an unknown outcome`, () => {
        const outcome = interpretUploadResponse(value);
        expect(outcome.providerSucceeded).to.equal(false);
        expect(outcome.status).to.equal('unknown');
        expect(outcome.message).to.equal(
          "The server's reply to the upload could not be read, so it is not known whether the provider accepted it",
        );
      });
    }

    it('does not throw for a revoked Proxy', () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      expect(() => interpretUploadResponse(proxy)).not.to.throw();
      expect(interpretUploadResponse(proxy).providerSucceeded).to.equal(false);
    });
  });
});
