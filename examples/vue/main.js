import { createApp } from 'vue';
import { setupWorker } from 'msw/browser';
import { createMockBackend } from 'asset-gallery-elements/mocks';
import App from './App.vue';

// The mock backend (dev only) answers only requests that carry this exact Authorization header.
const { handlers } = createMockBackend({ count: 36, authorization: 'Bearer vue-example' });
await setupWorker(...handlers).start({ onUnhandledFrame: 'bypass', quiet: true });

createApp(App).mount('#app');
