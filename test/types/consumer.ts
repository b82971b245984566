// Compiled, never run: what a TypeScript user of the published package can write. Each @ts-expect-error is a
// mistake the typings must catch; the build fails if one is no longer an error.
import 'asset-gallery-elements';
import { AssetGallery as GalleryClass } from 'asset-gallery-elements/classes';
import { createAssetsClient, describeError } from 'asset-gallery-elements/api';
import { de } from 'asset-gallery-elements/locales/de.js';
import { registerLocale, setCopy } from 'asset-gallery-elements/status';
import { createMockBackend, mockFetch } from 'asset-gallery-elements/mocks';

const gallery = document.createElement('asset-gallery');
gallery.endpoint = '/api/v1/assets';
gallery.pageSize = 50;
gallery.headers = async () => ({ Authorization: 'Bearer token' });
gallery.copy = { status: { local_only: { label: 'Kept here' } } };
// @ts-expect-error page size is a number
gallery.pageSize = '50';
const asGalleryClass: GalleryClass = gallery;

const badge = document.querySelector('provider-badge');
if (badge) badge.status = 'flagged';
// @ts-expect-error not a status
if (badge) badge.status = 'maybe';
const card = document.createElement('media-card');
card.uploads = true;
document.createElement('status-overview').statusFilter = 'local_only';

registerLocale('de', de);
setCopy({ appName: 'Acme Studio' });
const client = createAssetsClient({ endpoint: '/api/v1/assets', fetch: mockFetch(createMockBackend({ count: 3 }).handlers) });
client.list({ limit: 3 }).then((page) => page.assets.map((asset) => asset.provider_status), (error: unknown) => describeError(error));
void asGalleryClass;
