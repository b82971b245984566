import { ProviderBadge } from './components/provider-badge/provider-badge.js';
import { defineElement } from './components/shared/define.js';

export { ProviderBadge };

defineElement('provider-badge', ProviderBadge);

declare global {
  interface HTMLElementTagNameMap {
    'provider-badge': ProviderBadge;
  }
}
