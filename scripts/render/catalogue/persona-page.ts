import type { BlockContent, PhrasingContent, Root, RootContent } from 'mdast';
import type { CataloguePersona, PersonaOutline } from '../../core/catalogue-persona.ts';
import { FIELD_LABELS, isListField, SECTION_ORDER } from '../../core/persona-fields.ts';
import { type CatalogueContext, type CatalogueOptions, tagHref } from './catalogue-context.ts';
import { CATALOGUE_PATHS, linkToLibraryFile, relativeLink } from './catalogue-paths.ts';
import { fieldProvenanceWords, NOT_YET_REVIEWED, personaProvenanceWords } from './community-words.ts';
import { contributeSection } from './contribute-section.ts';
import { bannerNode } from './generated-banner.ts';
import { type MarkdownKit, REFERENCE_KIT } from './markdown-kit.ts';
import {
  bulletList,
  emphasis,
  heading,
  inlineCode,
  joined,
  link,
  paragraph,
  root,
  strong,
  table,
  text,
  untrusted,
  untrustedLine,
} from './mdast.ts';
import { RELATION_WORDS } from './relation-words.ts';

/** Where a linked persona's page is and what it is called: all a persona page needs to know of another. */
export interface LinkTarget {
  product: string;
  slug: string;
  title: string;
}

/**
 * Everything one persona page is made from besides the options, as plain data: the page is a pure function of
 * it, so it can be rendered on a worker thread and its hash tells whether the page can have changed.
 */
export interface PersonaPageInput {
  persona: CataloguePersona;
  /** The personas its composability links to, by slug (a slug with no persona is left out). */
  targets: Record<string, LinkTarget>;
  /** Each of its tags → the tag's link, from its page. */
  tagHrefs: Record<string, string>;
}

export function personaPagePath(persona: Pick<CataloguePersona, 'product' | 'slug'>): string {
  return CATALOGUE_PATHS.personaPage(persona.product, persona.slug);
}

/** What the page of `persona` is made from, in the catalogue `ctx`. */
export function personaPageInput(
  persona: PersonaOutline,
  ctx: CatalogueContext,
): Omit<PersonaPageInput, 'persona'> {
  const self = personaPagePath(persona);
  const targets: Record<string, LinkTarget> = Object.create(null);
  for (const entry of persona.composability) {
    const target = ctx.model.bySlug.get(entry.persona);
    if (target) targets[entry.persona] = { product: target.product, slug: target.slug, title: target.title };
  }
  const tagHrefs: Record<string, string> = Object.create(null);
  for (const tag of persona.tags) tagHrefs[tag] = tagHref(self, tag, ctx);
  return { targets, tagHrefs };
}

/** `catalogue/<product>/<slug>.md`: every section in the seed's order, provenance, links and how to contribute. */
export function personaPage(persona: CataloguePersona, ctx: CatalogueContext): Root {
  return personaPageFromInput({ persona, ...personaPageInput(persona, ctx) }, ctx.options);
}

export function personaPageFromInput(
  input: PersonaPageInput,
  options: CatalogueOptions,
  kit: MarkdownKit = REFERENCE_KIT,
): Root {
  return root(personaPageParts(input, options, kit).flatMap((part) => part.children));
}

/**
 * The page in consecutive parts (what comes before the contribute section, the section, what follows), which
 * together are `personaPageFromInput`: serialized one by one and joined with a blank line they give the same
 * text. A whole page is ~130 KB as a V8 string, past the size V8 allocates from the OS one object at a time;
 * each part stays under it.
 */
export function personaPageParts(
  input: PersonaPageInput,
  options: CatalogueOptions,
  kit: MarkdownKit = REFERENCE_KIT,
): Root[] {
  const { persona } = input;
  const self = personaPagePath(persona);
  const reviewed = personaProvenanceWords(persona.community);
  const children: RootContent[] = [
    bannerNode(),
    heading(1, untrustedLine(persona.title)),
    table(
      [[text('ID')], [text('Product')], [text('Category')], [text('Tags')]],
      [
        [
          [inlineCode(persona.id)],
          [link(relativeLink(self, CATALOGUE_PATHS.productIndex(persona.product)), text(persona.product))],
          [text(persona.category)],
          tagLinks(input),
        ],
      ],
    ),
    paragraph(
      strong(text('Community:')),
      text(' '),
      text(
        reviewed
          ? `${reviewed}. Sections without a community line are not yet reviewed; see `
          : `${NOT_YET_REVIEWED} Be the first: see `,
      ),
      link('#contribute-to-this-persona', text('Contribute to this persona')),
      text('.'),
    ),
  ];
  for (const field of SECTION_ORDER) {
    children.push(heading(2, text(FIELD_LABELS[field])));
    if (isListField(field)) children.push(bulletList(persona[field].map((item) => [untrusted(item)])));
    else children.push(...paragraphsOf(persona[field]));
    // Only reviewed fields get a line, so a page doesn't repeat "not yet reviewed" thirteen times.
    const words = fieldProvenanceWords(persona.community?.fields?.[field]);
    if (words) children.push(paragraph(emphasis(text(`Community: ${words}`))));
  }
  children.push(heading(2, text(FIELD_LABELS.composability)), ...composability(self, input));
  const after: RootContent[] = [
    heading(2, text('Source and discussion')),
    bulletList([
      [
        link(linkToLibraryFile(self, persona.file, options.rootFromCatalogue), text('Source YAML')),
        text(' ('),
        inlineCode(persona.file),
        text(')'),
      ],
      [
        link(
          `${options.repositoryUrl}/issues?q=${encodeURIComponent(`"${persona.id}"`)}`,
          text('Discuss this persona'),
        ),
        text(` (issues and pull requests that mention ${persona.id})`),
      ],
      [link(relativeLink(self, CATALOGUE_PATHS.index), text('Back to the catalogue'))],
    ]),
  ];
  return [root(children), ...partsOf(contributeSection(persona, options, kit)), root(after)];
}

/**
 * `nodes` as parts: each table alone (a root holding only a table is serialized faster, see
 * `serializeMarkdown`), the nodes between tables together.
 */
function partsOf(nodes: readonly RootContent[]): Root[] {
  const parts: Root[] = [];
  let run: RootContent[] = [];
  for (const node of nodes) {
    if (node.type !== 'table') {
      run.push(node);
      continue;
    }
    if (run.length > 0) parts.push(root(run));
    parts.push(root([node]));
    run = [];
  }
  if (run.length > 0) parts.push(root(run));
  return parts;
}

function tagLinks(input: PersonaPageInput): PhrasingContent[] {
  return joined(
    input.persona.tags.map((tag) => [link(input.tagHrefs[tag] ?? '', text(tag))]),
    ', ',
  );
}

/** A text field may hold blank-line separated paragraphs; each becomes its own paragraph node. */
function paragraphsOf(value: string): BlockContent[] {
  return value
    .split(/\r?\n[ \t]*\r?\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => paragraph(untrusted(part)));
}

function composability(self: string, input: PersonaPageInput): BlockContent[] {
  const { persona } = input;
  if (persona.composability.length === 0) return [paragraph(text('No links to other personas yet.'))];
  return [
    bulletList(
      persona.composability.map((entry) => {
        const target = input.targets[entry.persona];
        const name = target
          ? link(
              relativeLink(self, CATALOGUE_PATHS.personaPage(target.product, target.slug)),
              untrustedLine(target.title),
            )
          : inlineCode(entry.persona);
        return [
          strong(text(RELATION_WORDS[entry.relation])),
          text(' '),
          name,
          text(': '),
          untrusted(entry.note),
        ];
      }),
    ),
  ];
}
