import { Lazy } from '../shared/lazy.js';

/** The card's upload controls (`card-upload.ts`), loaded the first time a card has `uploads`. */
export const cardUploadCode = new Lazy(() => import('./card-upload.js'));
