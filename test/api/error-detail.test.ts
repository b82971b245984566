import { expect } from '@open-wc/testing';
import {
  AssetsApiError,
  ConfigError,
  createAssetsClient,
  errorDetail,
  HttpError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
  type ErrorDetail,
  type FetchLike,
} from '../../src/api/index.js';
import { DEFAULT_COPY, mergeCopy, resetCopy, setCopy } from '../../src/status/index.js';
import { rejectionOf } from '../helpers.js';

const NETWORK = DEFAULT_COPY.errors.network;

describe('errorDetail', () => {
  afterEach(() => {
    resetCopy();
  });

  describe('kind and status', () => {
    it('gives an HTTP error its kind and status, and its message', () => {
      expect(errorDetail(new HttpError(404))).to.deep.equal({
        message: 'The server could not complete the request (HTTP 404).',
        kind: 'http',
        status: 404,
        retryable: false,
      });
    });

    it('gives every other API error its own kind, and no status', () => {
      const cases: Array<[AssetsApiError, ErrorDetail['kind']]> = [
        [new NetworkError(), 'network'],
        [new NetworkError({ offline: true }), 'network'],
        [new TimeoutError(15_000), 'timeout'],
        [new InvalidResponseError('the list is not an array'), 'invalid-response'],
        [new InvalidResponseError('x', { notJson: true }), 'invalid-response'],
        [new ConfigError((words) => words.badEndpoint), 'config'],
      ];
      for (const [error, kind] of cases) {
        const detail = errorDetail(error);
        expect(detail.kind, error.name).to.equal(kind);
        expect('status' in detail, error.name).to.equal(false);
        expect(detail.message, error.name).to.equal(error.message);
      }
    });

    it('calls any other error a network error, with its own message', () => {
      expect(errorDetail(new TypeError('Failed to fetch'))).to.deep.equal({ message: 'Failed to fetch', kind: 'network', retryable: true });
      expect(errorDetail('boom')).to.deep.equal({ message: NETWORK, kind: 'network', retryable: true });
      expect(errorDetail(undefined)).to.deep.equal({ message: NETWORK, kind: 'network', retryable: true });
    });
  });

  describe('retryable', () => {
    it('is true for network and timeout errors, offline included', () => {
      expect(errorDetail(new NetworkError()).retryable).to.equal(true);
      expect(errorDetail(new NetworkError({ offline: true })).retryable).to.equal(true);
      expect(errorDetail(new TimeoutError(120_000)).retryable).to.equal(true);
    });

    it('is false for a reply the client cannot read, and for a request that cannot be sent', () => {
      expect(errorDetail(new InvalidResponseError('no id')).retryable).to.equal(false);
      expect(errorDetail(new ConfigError((words) => words.badEndpoint)).retryable).to.equal(false);
    });

    it('is true for HTTP 408, 425, 429, 500, 502, 503 and 504 only', () => {
      const retryable = [408, 425, 429, 500, 502, 503, 504];
      for (const status of [400, 401, 403, 404, 405, 409, 410, 413, 415, 422, 451, 499, 501, 505, 507, 511, 599, ...retryable]) {
        expect(errorDetail(new HttpError(status)).retryable, `HTTP ${status}`).to.equal(retryable.includes(status));
      }
    });

    it("gives the server's Retry-After, when it sent one", () => {
      expect(errorDetail(new HttpError(503, undefined, 5_000))).to.deep.equal({
        message: 'The server is busy (HTTP 503). Try again in 5 seconds.',
        kind: 'http',
        status: 503,
        retryAfterMs: 5_000,
        retryable: true,
      });
      expect('retryAfterMs' in errorDetail(new HttpError(503))).to.equal(false);
      expect('retryAfterMs' in errorDetail(new HttpError(429, undefined, Number.NaN))).to.equal(false);
    });
  });

  describe('the message', () => {
    it("is in the given copy's words (an element's own, or its language)", () => {
      const copy = mergeCopy(DEFAULT_COPY, { errors: { forbidden: 'Kein Zugriff.', network: 'Keine Verbindung.' } });
      expect(errorDetail(new HttpError(403), copy)).to.deep.equal({ message: 'Kein Zugriff.', kind: 'http', status: 403, retryable: false });
      expect(errorDetail(new NetworkError(), copy).message).to.equal('Keine Verbindung.');
      expect(errorDetail(42, copy).message).to.equal('Keine Verbindung.');
    });

    it('is in the global copy without one', () => {
      setCopy({ errors: { notSignedIn: 'Please sign in.' } });
      expect(errorDetail(new HttpError(401)).message).to.equal('Please sign in.');
    });
  });

  describe('hostile errors', () => {
    it('never throws: a Proxy that throws on every trap is a network error', () => {
      const fail = () => {
        throw new Error('hostile');
      };
      const hostile = new Proxy({}, { get: fail, getPrototypeOf: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail });
      expect(errorDetail(hostile)).to.deep.equal({ message: NETWORK, kind: 'network', retryable: true });
      const { proxy, revoke } = Proxy.revocable(new HttpError(500), {});
      revoke();
      expect(errorDetail(proxy)).to.deep.equal({ message: NETWORK, kind: 'network', retryable: true });
    });

    it('reads an error whose message getter throws as a network error with the copy message', () => {
      const error = new Error('x');
      Object.defineProperty(error, 'message', {
        get: () => {
          throw new Error('hostile');
        },
      });
      expect(errorDetail(error)).to.deep.equal({ message: NETWORK, kind: 'network', retryable: true });
    });

    it('gives no status, and no retry, for an object made to look like an HttpError without one', () => {
      const fake = Object.create(HttpError.prototype) as HttpError;
      Object.defineProperty(fake, 'message', { value: 'fake' });
      const detail = errorDetail(fake);
      expect([detail.kind, 'status' in detail, detail.retryable]).to.deep.equal(['http', false, false]);
    });
  });

  it('describes what the assets client rejects with', async () => {
    const fetch: FetchLike = async () => new Response(JSON.stringify({ detail: 'Asset not found' }), { status: 404, headers: { 'Content-Type': 'application/json' } });
    const client = createAssetsClient({ endpoint: 'http://localhost:9999/api/v1/assets', fetch, retries: 0 });
    const detail = errorDetail(await rejectionOf(client.get(7)));
    expect(detail).to.deep.equal({
      message: 'The server could not complete the request (HTTP 404): Asset not found',
      kind: 'http',
      status: 404,
      retryable: false,
    });
  });
});
