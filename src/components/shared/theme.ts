import { unsafeCSS } from 'lit';

/** The `theme` attribute: `light`, `dark`, or absent (follow the OS's `prefers-color-scheme`). */
export type Theme = 'light' | 'dark';

/** Any other value of the `theme` attribute behaves as absent. */
export const themeConverter = { fromAttribute: (value: string | null): Theme | undefined => (value === 'light' || value === 'dark' ? value : undefined) };

/**
 * The colour tokens, `--age-{name}`, with their light and dark defaults: written once, shared by the four
 * elements (THEMING.md lists them). Every value meets its contrast (text 4.5:1, borders and icons 3:1) on the
 * background it is drawn on, in both themes; test/components/theme.test.ts checks it.
 */
const PALETTE: Record<string, [light: string, dark: string]> = {
  'color-fg': ['#1d2330', '#e6e9ef'],
  'color-bg': ['#ffffff', '#171a21'],
  'color-surface': ['#e9ecf1', '#272c36'],
  'color-border': ['#c9ced8', '#3a4150'],
  'color-border-strong': ['#6b7180', '#8a91a1'],
  'color-muted': ['#4a5060', '#a9b0be'],
  'color-accent': ['#1a5fd0', '#8ab4f8'],
  'color-on-accent': ['#ffffff', '#10161f'],
  'color-focus': ['#1a5fd0', '#8ab4f8'],
  'status-ok-fg': ['#17642b', '#8fd9a3'],
  'status-ok-bg': ['#e4f4e8', '#11301c'],
  'status-ok-border': ['#3f8f55', '#4cae68'],
  'status-local-only-fg': ['#744600', '#f5c26b'],
  'status-local-only-bg': ['#fff1cc', '#352405'],
  'status-local-only-border': ['#b07410', '#c08a24'],
  'status-flagged-fg': ['#a1111d', '#ffaab0'],
  'status-flagged-bg': ['#fde7e9', '#3e1418'],
  'status-flagged-border': ['#c9303c', '#e35d68'],
  'status-unknown-fg': ['#4a5060', '#c3c8d4'],
  'status-unknown-border': ['#7b8190', '#8a91a1'],
};

/** `--age-font-family`'s default: the system's interface font (every supported browser knows `system-ui`). */
const FONT_STACK = 'system-ui,sans-serif';

const tokens = (declare: (name: string, light: string, dark: string) => string): string =>
  Object.entries(PALETTE)
    .map(([name, [light, dark]]) => declare(name, light, dark))
    .join(';');

/**
 * The theme, in every element's styles. Each element reads `--_{name}`: the host's `--age-{name}` if set, else
 * the default of the OS's scheme. `theme="light|dark"` sets the public `--age-*` tokens on the host instead, so
 * that the elements in its shadow root (cards, badges) inherit them and follow it; declarations of the page on
 * the element itself still win over these `:host` rules.
 */
export const theme = unsafeCSS(
  // Unknown has no tint: its background is the theme's (not set by `theme`, so that an overview still tints it when pressed).
  `:host{--_status-unknown-bg:var(--age-status-unknown-bg,var(--_color-bg));${tokens((name, light) => `--_${name}:var(--age-${name},${light})`)}}` +
    `@media (prefers-color-scheme:dark){:host{${tokens((name, _, dark) => `--_${name}:var(--age-${name},${dark})`)}}}` +
    `:host([theme=light]){color-scheme:light;${tokens((name, light) => `--age-${name}:${light}`)}}` +
    `:host([theme=dark]){color-scheme:dark;${tokens((name, _, dark) => `--age-${name}:${dark}`)}}` +
    // CanvasText, not Highlight: the ring sits on Canvas, and some palettes put Highlight below 3:1 there.
    `@media (forced-colors:active){:host{--_color-focus:CanvasText}}` +
    // The system's interface font, not the page's (Times on a page without CSS); the elements inside an element
    // inherit its font instead (see its styles), so `asset-gallery { font-family: inherit }` takes the page's.
    `:host{font-family:var(--age-font-family,${FONT_STACK})}`,
);
