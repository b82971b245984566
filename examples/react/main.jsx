import { createRoot } from 'react-dom/client';
import { setupWorker } from 'msw/browser';
import { createMockBackend } from 'asset-gallery-elements/mocks';
import { App } from './App.jsx';

// The mock backend (dev only) answers only requests that carry this exact Authorization header, so the
// gallery loads only if React set `headers` as a property.
const { handlers } = createMockBackend({ count: 60, authorization: 'Bearer react-example' });
await setupWorker(...handlers).start({ onUnhandledFrame: 'bypass', quiet: true });

createRoot(document.getElementById('root')).render(<App />);
