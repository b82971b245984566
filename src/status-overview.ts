import { defineElement } from './components/shared/define.js';
import type { AgeEvents } from './components/shared/events.js';
import { StatusOverview, type CountsSource } from './components/status-overview/status-overview.js';

export { StatusOverview };
export type { CountsSource };
export type { StatusFilterChangeDetail } from './components/shared/events.js';

defineElement('status-overview', StatusOverview);

declare global {
  interface HTMLElementTagNameMap {
    'status-overview': StatusOverview;
  }
  interface GlobalEventHandlersEventMap extends AgeEvents<'status-filter-change'> {}
}
