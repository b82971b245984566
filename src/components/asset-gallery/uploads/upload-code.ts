// What a gallery loads with import() the first time it uploads (upload-link.ts): everything but the toolbar.
export { UploadPanel } from './upload-panel.js';
export { UploadResults } from './upload-results.js';
