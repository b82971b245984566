import { expect } from '@open-wc/testing';
import {
  PROVIDER_STATUSES,
  STATUS_FILTERS,
  type ProviderStatus,
  type StatusFilterOption,
} from '../../src/status/index.js';

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
