// Compiled, never run: `emit` takes its detail type from the event's name (src/components/shared/events.ts), so
// a wrong detail, a missing field or an unknown name does not compile. Each @ts-expect-error is such a mistake.
import { emit, type AgeEventMap } from '../../src/components/shared/events.js';

declare const target: EventTarget;
declare const asset: AgeEventMap['asset-open']['asset'];

// Right: the detail each name carries.
emit(target, 'asset-open', { asset });
emit(target, 'status-filter-change', { status: 'flagged' }, { cancelable: true });
emit(target, 'status-filter-restore', { status: null });
emit(target, 'upload-request', { kind: 'reupload', assetId: 1, providerId: 'pixverse' }, { cancelable: true });
emit(target, 'assets-loaded', { count: 3, total: 10 });
emit(target, 'assets-error', { message: 'Offline', kind: 'network', retryable: true });
emit(target, 'upload-error', { message: 'Server error', kind: 'http', status: 503, retryable: true, assetId: 1 });

// @ts-expect-error asset-open carries the asset, not its id
emit(target, 'asset-open', { id: 1 });
// @ts-expect-error not a status
emit(target, 'status-filter-change', { status: 'maybe' });
// @ts-expect-error upload-request names the provider
emit(target, 'upload-request', { kind: 'reupload', assetId: 1 });
// @ts-expect-error assets-error tells the host the kind and whether to retry, not only the message
emit(target, 'assets-error', { message: 'Offline' });
// @ts-expect-error not a kind of failure
emit(target, 'upload-error', { message: 'No', kind: 'teapot', retryable: false });
// @ts-expect-error assets-loaded's count is a number
emit(target, 'assets-loaded', { count: '3' });
// @ts-expect-error no such event
emit(target, 'asset-opened', { asset });
// @ts-expect-error the untyped form needs its type argument: without one, no detail fits
emit(target, 'something-else', { anything: true });

