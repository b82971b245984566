/**
 * asset-gallery-elements: registers <asset-gallery>, <media-card>, <provider-badge> and <status-overview>,
 * and re-exports their classes with the provider-status core and the assets client.
 */
export * from './status/index.js';
export * from './api/index.js';
export * from './provider-badge.js';
export * from './media-card.js';
export * from './status-overview.js';
export * from './asset-gallery.js';
