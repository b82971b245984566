import { useState } from 'react';
import { statusLabel } from 'asset-gallery-elements/status';
// Registers the four tags. Import it before React renders them: React 19 sets a prop as a *property* only
// when the element already has one (`headers in element`), else as an attribute ("[object Object]").
import 'asset-gallery-elements';

// The gallery reloads only when the headers' content changes, so an inline object re-created on every render
// would do as well; a function (`() => ({ Authorization: … })`) is asked again for every request.
const headers = { Authorization: 'Bearer react-example' };

export function App() {
  const [filter, setFilter] = useState(null);
  const [changes, setChanges] = useState(0);
  const [opened, setOpened] = useState(null);
  const [loaded, setLoaded] = useState(null);

  return (
    <main>
      <h1>React 19</h1>
      <p id="react-filter">Filter: {filter ? statusLabel(filter) : 'All'} ({changes} changes)</p>
      <p id="react-opened">{opened ? `Opened #${opened.id} (${statusLabel(opened.provider_status)})` : 'Nothing opened yet'}</p>
      <p id="react-loaded">{loaded === null ? 'Loading…' : `React heard: ${loaded} assets loaded`}</p>
      <asset-gallery
        endpoint="/api/v1/assets"
        page-size="12"
        headers={headers}
        onstatus-filter-change={(event) => {
          setFilter(event.detail.status);
          setChanges((count) => count + 1);
        }}
        onasset-open={(event) => setOpened(event.detail.asset)}
        onassets-loaded={(event) => setLoaded(event.detail.count)}
      />
    </main>
  );
}
