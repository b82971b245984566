/**
 * asset-gallery-elements: the provider-status core and the assets client. The elements register here as
 * they arrive; `asset-gallery-elements/status` and `/api` stay importable on their own.
 */
export * from './status/index.js';
export * from './api/index.js';
