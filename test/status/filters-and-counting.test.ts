import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  countByStatus,
  deriveProviderStatus,
  PROVIDER_STATUSES,
  STATUS_FILTERS,
  type ProviderStatus,
  type StatusFilterOption,
} from '../../src/status/index.js';
import { item } from '../arbitraries.js';

describe('STATUS_FILTERS', () => {
  it('is all (null) first, then every status in the order the UI lists them', () => {
    expect([...STATUS_FILTERS]).to.deep.equal([null, 'ok', 'local_only', 'flagged', 'unknown']);
    expect(STATUS_FILTERS.slice(1)).to.deep.equal([...PROVIDER_STATUSES]);
  });

  it('is frozen: one list shared by every element', () => {
    expect(Object.isFrozen(STATUS_FILTERS)).to.equal(true);
  });

  it('is typed as the exact tuple, and a filter option is a status or null', () => {
    const tuple: readonly [null, 'ok', 'local_only', 'flagged', 'unknown'] = STATUS_FILTERS;
    const [all, ...statuses] = tuple;
    const options: StatusFilterOption[] = [all, ...statuses];
    const asStatus: Array<ProviderStatus | null> = options;
    // @ts-expect-error: `not_flagged` is a server filter value, not one a person chooses here.
    const wrong: StatusFilterOption = 'not_flagged';
    expect([asStatus.length, wrong]).to.deep.equal([5, 'not_flagged']);
  });
});

describe('countByStatus, the one counting function', () => {
  /** `n` parsed-looking assets, the statuses in turn; some with fields that would derive another status. */
  function parsedLooking(n: number): Array<Record<string, unknown>> {
    return Array.from({ length: n }, (_, index) => {
      const status = PROVIDER_STATUSES[index % 4] as ProviderStatus;
      const contradicting = index % 3 === 0 ? { provider_flagged: true, remote_url: 'https://cdn.example/a.png', provider_asset_id: 'local_x' } : {};
      return { id: index, provider_status: status, provider_id: 'pixverse', media_type: 'image', ...contradicting };
    });
  }

  it('counts parsed-looking assets by their provider_status, whatever their other fields say', () => {
    expect(countByStatus(parsedLooking(10_003))).to.deep.equal({ ok: 2501, local_only: 2501, flagged: 2501, unknown: 2500 });
  });

  it('reads only provider_status of an asset that has one of the four', () => {
    const read: string[] = [];
    const spy = new Proxy(
      { provider_status: 'local_only', remote_url: 'https://cdn.example/a.png' },
      {
        get(target, key, receiver) {
          read.push(String(key));
          return Reflect.get(target, key, receiver);
        },
      },
    );
    expect(countByStatus([spy])).to.deep.equal({ ok: 0, local_only: 1, flagged: 0, unknown: 0 });
    expect(read).to.deep.equal(['provider_status']);
  });

  it('derives an asset whose provider_status getter throws from its other fields, and counts on', () => {
    const throwing = Object.defineProperty({ provider_asset_id: 'local_abc' }, 'provider_status', {
      get: () => {
        throw new Error('hostile');
      },
    });
    expect(countByStatus([throwing, { provider_status: 'ok' }])).to.deep.equal({ ok: 1, local_only: 1, flagged: 0, unknown: 0 });
  });

  it('counts every item as deriveProviderStatus (the badges) says', function () {
    this.timeout(60_000); // a busy machine: the property needs its runs, not a deadline
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), (items) => {
        const expected = { ok: 0, local_only: 0, flagged: 0, unknown: 0 };
        for (const value of items) expected[deriveProviderStatus(value)] += 1;
        expect(countByStatus(items)).to.deep.equal(expected);
      }),
      { numRuns: 60 },
    );
  });
});
