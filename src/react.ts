/**
 * `asset-gallery-elements/react`: types only. Import it once (`import type {} from 'asset-gallery-elements/react'`)
 * and TSX knows the four tags: their attributes, their properties (React 19 sets a prop as a property when the
 * element has one) and their events as `on` + the event's name, with typed details.
 */
import type { ClassAttributes, HTMLAttributes } from 'react';
import type { AssetGallery } from './components/asset-gallery/asset-gallery.js';
import type { MediaCard } from './components/media-card/media-card.js';
import type { ProviderBadge } from './components/provider-badge/provider-badge.js';
import type { AgeEvents } from './components/shared/events.js';
import type { StatusOverview } from './components/status-overview/status-overview.js';

/** The public properties a host may set, by their property names. */
type Properties<E, K extends keyof E> = Partial<Pick<E, K>>;
/** Listeners as React 19 takes them for a custom element: `on` + the exact event name. */
type Listeners<Events> = { [Name in keyof Events as `on${Name & string}`]?: (event: Events[Name]) => void };
type Tag<E, Attributes, Props extends keyof E, Events> = ClassAttributes<E> & HTMLAttributes<E> & Attributes & Properties<E, Props> & Listeners<Events>;

type Theme = { theme?: 'light' | 'dark' };
// Each element's events, from the one event map; the gallery fires its own and lets its overview's and cards' bubble out.
type CardEvents = AgeEvents<'asset-open' | 'upload-request'>;
type OverviewEvents = AgeEvents<'status-filter-change'>;
type GalleryEvents = AgeEvents;

export type AssetGalleryProps = Tag<
  AssetGallery,
  Theme & {
    endpoint?: string;
    api?: 'query' | 'search';
    'page-size'?: number | string;
    'status-filter'?: string;
    'sync-url'?: boolean;
    'infinite-scroll'?: boolean;
    uploads?: boolean;
    'upload-provider'?: string;
  },
  'pageSize' | 'statusFilter' | 'syncUrl' | 'infiniteScroll' | 'fetch' | 'headers' | 'assets' | 'uploadProvider' | 'uploader' | 'copy',
  GalleryEvents
>;
export type MediaCardProps = Tag<
  MediaCard,
  Theme & { uploads?: boolean; 'upload-provider'?: string; loading?: 'lazy' | 'eager' },
  'asset' | 'upload' | 'uploadProvider' | 'position' | 'tabbable' | 'copy',
  CardEvents
>;
export type ProviderBadgeProps = Tag<ProviderBadge, Theme & { status?: string; reason?: string; provider?: string }, 'tabbable' | 'copy', Record<never, never>>;
export type StatusOverviewProps = Tag<
  StatusOverview,
  Theme & { 'status-filter'?: string; 'counts-source'?: 'loaded' | 'server' },
  'assets' | 'counts' | 'statusFilter' | 'copy',
  OverviewEvents
>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'asset-gallery': AssetGalleryProps;
      'media-card': MediaCardProps;
      'provider-badge': ProviderBadgeProps;
      'status-overview': StatusOverviewProps;
    }
  }
}
