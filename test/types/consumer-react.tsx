// Compiled, never run: a React 19 app in TypeScript. Each @ts-expect-error is a mistake the typings must catch.
import type {} from 'asset-gallery-elements/react';
import type { ProviderStatus } from 'asset-gallery-elements/status';
import 'asset-gallery-elements';

const headers = { Authorization: 'Bearer token' };

export function App({ onFilter }: { onFilter: (status: ProviderStatus | null) => void }) {
  return (
    <main>
      <asset-gallery
        endpoint="/api/v1/assets"
        api="search"
        page-size="12"
        theme="dark"
        headers={headers}
        copy={{ status: { local_only: { label: 'Kept here' } } }}
        onstatus-filter-change={(event) => onFilter(event.detail.status)}
        onasset-open={(event) => console.log(event.detail.asset.id)}
        onupload-complete={(event) => console.log(event.detail.providerSucceeded)}
      />
      {/* @ts-expect-error not an API style */}
      <asset-gallery api="graphql" />
      {/* @ts-expect-error the detail has no such field */}
      <asset-gallery onassets-loaded={(event) => console.log(event.detail.pages)} />
      <provider-badge status="local_only" reason="No available account" />
      <status-overview counts={{ ok: 3 }} counts-source="server" />
      {/* @ts-expect-error not a theme */}
      <media-card theme="sepia" />
    </main>
  );
}
