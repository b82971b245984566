// custom-elements.json (npm run build writes it) documents every attribute, property, event with its detail
// type, custom state, part and custom property of the four elements, as their sources have them.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

interface Named { name: string; type?: { text: string }; fieldName?: string; kind?: string; privacy?: string; static?: boolean }
interface Declaration { tagName?: string; name: string; description?: string; summary?: string; customElement?: boolean;
  attributes?: Named[]; members?: Named[]; events?: Named[]; cssParts?: Named[]; cssProperties?: Named[]; cssStates?: (Named & { description?: string })[] }

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFile(new URL(path, root), 'utf8');
const manifest = JSON.parse(await read('custom-elements.json')) as { modules: { path: string; declarations?: Declaration[] }[] };
const declarations = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement);

/** Each element: its class source, its styles, and the other sources whose events come out of it. */
const ELEMENTS = {
  'asset-gallery': {
    folder: 'asset-gallery',
    more: [
      'src/components/asset-gallery/data/asset-source.ts',
      'src/components/asset-gallery/grid/grid-focus.ts',
      'src/components/asset-gallery/uploads/upload-controller.ts',
    ],
    bubbled: ['asset-open', 'status-filter-change'],
  },
  'media-card': { folder: 'media-card', more: [], bubbled: [] },
  'provider-badge': { folder: 'provider-badge', more: [], bubbled: [] },
  'status-overview': { folder: 'status-overview', more: [], bubbled: [] },
} as const;

const names = (list: Named[] | undefined) => new Set((list ?? []).map((item) => item.name));
const missing = (wanted: Iterable<string>, have: Set<string>) => [...wanted].filter((name) => !have.has(name)).sort();

for (const [tag, { folder, more, bubbled }] of Object.entries(ELEMENTS)) {
  test(`custom-elements.json documents <${tag}> completely`, async () => {
    const declaration = declarations.find((each) => each.tagName === tag);
    assert.ok(declaration, `no declaration with tagName ${tag}`);
    assert.ok(declaration.summary && declaration.description, 'a summary and a description');
    const own = await read(`src/components/${folder}/${folder}.ts`);
    // What the element inherits from the shared base class (theme, copy) is documented on it too.
    const source = /\bextends AgeElement\b/.test(own) ? `${own}\n${await read('src/components/shared/age-element.ts')}` : own;
    const styles = await read(`src/components/${folder}/${folder}.styles.ts`);
    const others = await Promise.all(more.map(read));

    // Reactive properties (the entries of `static get properties()`, AgeElement's and the element's own; not the
    // `state: true` ones): public ones are members; those with an attribute are attributes, under that name.
    const declared = [...source.matchAll(/static override get properties\(\)[^{]*\{\s*return \{\n([\s\S]*?)\n {4}\};/g)].map(([, body = '']) => body);
    // One block in the element and one in AgeElement: a block this pattern misses would drop its properties unseen.
    const blocks = (source.match(/^\s*static\b[^\n]*\bproperties\b/gm) ?? []).length;
    assert.equal(declared.length, blocks, 'every static properties block read');
    assert.equal(declared.length, /\bextends AgeElement\b/.test(own) ? 2 : 1, 'the element’s and AgeElement’s properties blocks');
    const properties = declared
      .flatMap((body) => {
        const entries = [...body.matchAll(/^ {6}(\w+): ([\s\S]*?)(?=^ {6}\w+: |(?![\s\S]))/gm)];
        // Every entry of the block read (a quoted or oddly indented key would be skipped otherwise).
        assert.equal(entries.length, (body.match(/^ {6}[\w'"[]/gm) ?? []).length, `every entry read in ${body.slice(0, 60)}…`);
        return entries;
      })
      .filter(([, , options = '']) => !/\bstate:\s*true/.test(options))
      .map(([, name = '', options = '']) => ({
        name,
        attribute: /attribute:\s*false/.test(options) ? null : (/attribute:\s*'([\w-]+)'/.exec(options)?.[1] ?? name.toLowerCase()),
      }));
    assert.ok(properties.length >= 4, `found only ${properties.length} properties in the source`);
    // Members without a privacy are public; the analyzer marks those declared in `static properties` "public".
    const publicFields = new Set((declaration.members ?? []).filter((member) => (member.privacy ?? 'public') === 'public' && !member.static).map((member) => member.name));
    assert.deepEqual(missing(properties.map((property) => property.name), publicFields), [], 'properties missing');
    const attributes = properties.flatMap((property) => (property.attribute ? [property.attribute] : []));
    assert.deepEqual(missing(attributes, names(declaration.attributes)), [], 'attributes missing');

    // Events: every name emitted (by the element or its controllers, or bubbling from inside), with its detail type.
    const emitted = new Set([...[source, ...others].join('\n').matchAll(/emit(?:<\w+>)?\(this(?:\.#?host)?, '([\w-]+)'/g)].map((match) => match[1] ?? ''));
    for (const name of bubbled) emitted.add(name);
    assert.ok(emitted.size > 0 || tag === 'provider-badge', 'found no events in the source');
    assert.deepEqual(missing(emitted, names(declaration.events)), [], 'events missing');
    for (const event of declaration.events ?? []) assert.match(event.type?.text ?? '', /^CustomEvent<\w+>$/, `event ${event.name} has no detail type`);

    // Custom states: every name the element sets (a status's, for each status), with its description.
    const states = new Set(/setCustomState\(status,/.test(own) ? ['ok', 'local_only', 'flagged', 'unknown'] : []);
    for (const [, name = ''] of own.matchAll(/setCustomState\('([\w-]+)'/g)) states.add(name);
    const documentedStates = declaration.cssStates ?? [];
    assert.deepEqual(missing(states, names(documentedStates)), [], 'custom states missing');
    for (const state of documentedStates) assert.ok(state.description, `custom state ${state.name} has no description`);

    // Parts: every name in a part="…" of the templates.
    const parts = new Set([...source.matchAll(/\bpart="([^"$]+)"/g)].flatMap((match) => (match[1] ?? '').split(/\s+/)));
    assert.ok(parts.size > 0, 'found no parts in the source');
    assert.deepEqual(missing(parts, names(declaration.cssParts)), [], 'parts missing');

    // Custom properties: every public --age-… the element's own styles read.
    const read_ = new Set([...styles.matchAll(/var\((--age-[\w-]+)/g)].map((match) => match[1] ?? ''));
    assert.deepEqual(missing(read_, names(declaration.cssProperties)), [], 'custom properties missing');
  });
}
