/**
 * The page of the CSP test (test/node/csp.test.ts): a host that drops the gallery in, nothing more. It is
 * served with a strict Content-Security-Policy and Trusted Types, so it has no inline script or style: this
 * external module is all of its script, and the gallery fetches the mock backend on the page's own origin.
 */
import '../../src/index.js';

const gallery = document.createElement('asset-gallery');
gallery.pageSize = 24;
document.querySelector('main')?.append(gallery);
