import type { BlockContent, PhrasingContent, Root, RootContent } from 'mdast';
import { FIELD_LABELS, isListField, SECTION_ORDER } from '../../core/persona-fields.ts';
import { type CatalogueContext, tagHref } from './catalogue-context.ts';
import { CATALOGUE_PATHS, linkToLibraryFile, relativeLink } from './catalogue-paths.ts';
import type { CataloguePersona } from './catalogue-persona.ts';
import { fieldProvenanceWords, NOT_YET_REVIEWED, personaProvenanceWords } from './community-words.ts';
import { contributeSection } from './contribute-section.ts';
import { bannerNode } from './generated-banner.ts';
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

/** `catalogue/<product>/<slug>.md`: every section in the seed's order, provenance, links and how to contribute. */
export function personaPage(persona: CataloguePersona, ctx: CatalogueContext): Root {
  const self = CATALOGUE_PATHS.personaPage(persona.product, persona.slug);
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
          tagLinks(self, persona, ctx),
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
  children.push(heading(2, text(FIELD_LABELS.composability)), ...composability(self, persona, ctx));
  children.push(...contributeSection(persona, ctx.options));
  children.push(
    heading(2, text('Source and discussion')),
    bulletList([
      [
        link(linkToLibraryFile(self, persona.file, ctx.options.rootFromCatalogue), text('Source YAML')),
        text(' ('),
        inlineCode(persona.file),
        text(')'),
      ],
      [
        link(
          `${ctx.options.repositoryUrl}/issues?q=${encodeURIComponent(`"${persona.id}"`)}`,
          text('Discuss this persona'),
        ),
        text(` (issues and pull requests that mention ${persona.id})`),
      ],
      [link(relativeLink(self, CATALOGUE_PATHS.index), text('Back to the catalogue'))],
    ]),
  );
  return root(children);
}

function tagLinks(self: string, persona: CataloguePersona, ctx: CatalogueContext): PhrasingContent[] {
  return joined(
    persona.tags.map((tag) => [link(tagHref(self, tag, ctx.layout), text(tag))]),
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

function composability(self: string, persona: CataloguePersona, ctx: CatalogueContext): BlockContent[] {
  if (persona.composability.length === 0) return [paragraph(text('No links to other personas yet.'))];
  return [
    bulletList(
      persona.composability.map((entry) => {
        const target = ctx.model.bySlug.get(entry.persona);
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
