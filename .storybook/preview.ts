import { setCustomElementsManifest, type ArgTypes, type Preview } from '@storybook/web-components-vite';
import { PROVIDER_STATUSES } from '../src/status/index.js';
import { mswLoader } from './msw.js';

/** The parts of custom-elements.json (schema 2.x, as `npm run analyze` writes it) read here. */
interface Item {
  name: string;
  description?: string;
  type?: { text?: string } | string;
  default?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  /** An attribute's property. */
  fieldName?: string;
}
interface Declaration {
  customElement?: boolean;
  tagName?: string;
  members?: Item[];
  attributes?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}
interface Manifest {
  modules?: { declarations?: Declaration[] }[];
}

// `npm run analyze` writes custom-elements.json (gitignored); the storybook, build-storybook and test:stories
// scripts run it first. A glob, not an import, so that typecheck passes on a fresh clone without it.
const manifest = Object.values(import.meta.glob<Manifest>('../custom-elements.json', { eager: true, import: 'default' }))[0];
if (manifest) setCustomElementsManifest(manifest); // the docs pages' descriptions
else console.warn('custom-elements.json is missing: run `npm run analyze` for the docs tables of the elements.');

const elements = new Map<string, Declaration>();
for (const module of manifest?.modules ?? []) {
  for (const declaration of module.declarations ?? []) {
    if (declaration.customElement && declaration.tagName) elements.set(declaration.tagName, declaration);
  }
}

/** The words our type aliases stand for: the manifest keeps an alias's name (`Theme`), not its members. */
const ALIASES: Record<string, readonly string[]> = {
  ProviderStatus: PROVIDER_STATUSES,
  Theme: ['light', 'dark'],
  ApiStyle: ['query', 'search'],
  CountsSource: ['loaded', 'server'],
  MediaCardLoading: ['lazy', 'eager'],
};

/**
 * The control for a property or attribute, from its TypeScript type: a select for a union of words (an alias of
 * ours or string literals; null and undefined become "none"), a switch, a number or a text box for those types,
 * and Storybook's JSON editor for anything else (an asset, a function).
 */
function controlOf(type: string | undefined): { control: { type: string }; options?: (string | undefined)[] } {
  const members = (type ?? '').split('|').map((member) => member.trim());
  const optional = members.some((member) => member === 'null' || member === 'undefined');
  const kinds = members.filter((member) => member !== 'null' && member !== 'undefined');
  const words = kinds.map((kind) => ALIASES[kind] ?? (/^'[^']*'$/.test(kind) ? [kind.slice(1, -1)] : null));
  if (kinds.length > 0 && words.every((word) => word !== null)) return { control: { type: 'select' }, options: [...(optional ? [undefined] : []), ...words.flat()] };
  if (kinds.length === 1 && (kinds[0] === 'boolean' || kinds[0] === 'number')) return { control: { type: kinds[0] } };
  if (kinds.length === 1 && kinds[0] === 'string') return { control: { type: 'text' } };
  return { control: { type: 'object' } };
}

/**
 * The args table of an element's docs page, from the manifest: every attribute, public property, event, slot,
 * CSS part and custom property. Storybook's own extractor keys every row by its bare name, so a part named like
 * a property (`uploads`, `provider`, `upload`) hides it, and it lists private and static fields too; here each
 * kind has keys of its own, and only the public API is listed. Properties and attributes keep their bare names:
 * those are the story args they control.
 */
function argTypesOf(tagName: unknown): ArgTypes | null {
  const element = typeof tagName === 'string' ? elements.get(tagName) : undefined;
  if (!element) return null;
  const typeText = (item: Item) => (typeof item.type === 'string' ? item.type : item.type?.text);
  const row = (item: Item, category: string) => ({
    name: item.name,
    description: item.description,
    type: { name: (category === 'attributes' || category === 'properties' ? typeText(item) : category === 'slots' ? 'string' : 'void') ?? 'other' },
    ...(category === 'attributes' || category === 'properties' ? controlOf(typeText(item)) : {}),
    table: { category, type: { summary: typeText(item) }, defaultValue: { summary: item.default } },
  });
  const argTypes: Record<string, unknown> = {};
  const isPublicField = (member: Item) =>
    member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public' && !/^[#_]/.test(member.name);
  for (const member of (element.members ?? []).filter(isPublicField)) argTypes[member.name] = row(member, 'properties');
  // An attribute the manifest gives no type (`endpoint = DEFAULT_ENDPOINT`) has its property's.
  const fieldType = (attribute: Item) => element.members?.find((member) => member.name === attribute.fieldName)?.type;
  for (const attribute of element.attributes ?? []) argTypes[attribute.name] = row({ ...attribute, type: attribute.type ?? fieldType(attribute) }, 'attributes');
  for (const event of element.events ?? []) {
    // `onAssetOpen`: logs the event in the Actions panel (as Storybook's extractor does), out of the table.
    const handler = `on${event.name.replace(/(^|[-_:.\s]+)(.)/g, (_, _separator: string, letter: string) => letter.toUpperCase())}`;
    argTypes[handler] = { name: handler, action: event.name, table: { disable: true } };
    argTypes[`event:${event.name}`] = row(event, 'events');
  }
  for (const slot of element.slots ?? []) argTypes[`slot:${slot.name || 'default'}`] = row({ ...slot, name: slot.name || '(default)' }, 'slots');
  for (const part of element.cssParts ?? []) argTypes[`part:${part.name}`] = row(part, 'css shadow parts');
  for (const property of element.cssProperties ?? []) argTypes[property.name] = row(property, 'css custom properties');
  return argTypes as ArgTypes;
}

const preview: Preview = {
  loaders: [mswLoader],
  parameters: {
    docs: { extractArgTypes: argTypesOf },
    a11y: {
      // Story tests (addon-vitest) fail on any axe violation.
      test: 'error',
      // The project's budget: WCAG 2.0 A/AA, 2.1 AA and 2.2 AA.
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } },
    },
    options: {
      storySort: { order: ['Guides', ['Getting started', 'Theming', 'Words and languages'], 'Elements'] },
    },
  },
};

export default preview;
