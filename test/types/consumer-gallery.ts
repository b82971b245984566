// Compiled, never run: a page that imports the gallery's entry alone still gets the tag and every event that
// bubbles out of it typed (the overview's and the cards' included).
import 'asset-gallery-elements/asset-gallery.js';
import type { Asset, AssetsApiErrorKind } from 'asset-gallery-elements/api';
import type { ProviderStatus } from 'asset-gallery-elements/status';

const gallery = document.createElement('asset-gallery');
gallery.addEventListener('upload-complete', (event) => {
  const succeeded: boolean = event.detail.providerSucceeded;
  const status: ProviderStatus = event.detail.status;
  // @ts-expect-error the detail has no such field
  void event.detail.uploaded;
  void succeeded, status;
});
gallery.addEventListener('status-filter-change', (event) => {
  const picked: ProviderStatus | null = event.detail.status;
  void picked;
});
gallery.addEventListener('asset-open', (event) => {
  const asset: Asset = event.detail.asset;
  void asset;
});
gallery.addEventListener('assets-error', (event) => void event.detail.message.toUpperCase());
// A failure says what kind it was and whether to try again, beside the words for a person.
gallery.addEventListener('upload-error', (event) => {
  const kind: AssetsApiErrorKind = event.detail.kind;
  const retryable: boolean = event.detail.retryable;
  const status: number | undefined = event.detail.status;
  const assetId: number | undefined = event.detail.assetId;
  void kind, retryable, status, assetId;
});
gallery.addEventListener('assets-error', (event) => {
  // @ts-expect-error assets-error is about a page, not an asset
  void event.detail.assetId;
  void event.detail.retryable;
});
