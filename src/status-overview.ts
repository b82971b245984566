import { defineElement } from './components/shared/define.js';
import { StatusOverview, type CountsSource, type StatusFilterChangeDetail } from './components/status-overview/status-overview.js';

export { StatusOverview };
export type { CountsSource, StatusFilterChangeDetail };

defineElement('status-overview', StatusOverview);

declare global {
  interface HTMLElementTagNameMap {
    'status-overview': StatusOverview;
  }
  interface GlobalEventHandlersEventMap {
    'status-filter-change': CustomEvent<StatusFilterChangeDetail>;
  }
}
