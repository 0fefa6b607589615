import type { BlockContent, PhrasingContent, Root, RootContent } from 'mdast';
import type { CataloguePersona, HistoryEntry, PersonaOutline } from '../../core/catalogue-persona.ts';
import { compareCodePoints } from '../../core/diagnostic.ts';
import { type ContentField, FIELD_LABELS, isListField, SECTION_ORDER } from '../../core/persona-fields.ts';
import { type CatalogueContext, type CatalogueOptions, tagHref } from './catalogue-context.ts';
import { CATALOGUE_PATHS, linkToLibraryFile, relativeLink } from './catalogue-paths.ts';
import {
  fieldProvenanceWords,
  historyDeedWords,
  NOT_YET_REVIEWED,
  personaProvenanceWords,
} from './community-words.ts';
import { CONTRIBUTE_HEADING, contributeSection, sectionContributeLine } from './contribute-section.ts';
import { contributorLinks, profileLink } from './contributor-links.ts';
import { bannerNode } from './generated-banner.ts';
import { headingAnchors } from './heading-anchors.ts';
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

/** The History section shows the newest this many contributions; the rest are in the source and the export. */
export const HISTORY_SHOWN = 10;

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
  /**
   * Its fields whose last review is older than the freshness limit, in page order: the set, not the as-of
   * date, so a new date changes only the pages whose set it changes.
   */
  needsReview: ContentField[];
}

export function personaPagePath(persona: Pick<CataloguePersona, 'product' | 'slug'>): string {
  return CATALOGUE_PATHS.personaPage(persona.product, persona.slug);
}

/** What the page of `persona` is made from, in the catalogue `ctx` (`needsReview` from the freshness plan). */
export function personaPageInput(
  persona: Pick<PersonaOutline, 'product' | 'slug' | 'composability' | 'tags'>,
  ctx: CatalogueContext,
  needsReview: ContentField[] = [],
): Omit<PersonaPageInput, 'persona'> {
  const self = personaPagePath(persona);
  const targets: Record<string, LinkTarget> = Object.create(null);
  for (const entry of persona.composability) {
    const target = ctx.model.bySlug.get(entry.persona);
    if (target) targets[entry.persona] = { product: target.product, slug: target.slug, title: target.title };
  }
  const tagHrefs: Record<string, string> = Object.create(null);
  for (const tag of persona.tags) tagHrefs[tag] = tagHref(self, tag);
  return { targets, tagHrefs, needsReview };
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
 * The page in consecutive parts (the header and sections, then history, contributing and sources), which
 * together are `personaPageFromInput`: serialized one by one and joined with a blank line they give the same
 * text.
 */
export function personaPageParts(
  input: PersonaPageInput,
  options: CatalogueOptions,
  _kit: MarkdownKit = REFERENCE_KIT,
): Root[] {
  const { persona } = input;
  const self = personaPagePath(persona);
  const anchors = pageAnchors(persona.title);
  const needsReview = new Set(input.needsReview);
  const children: RootContent[] = [
    bannerNode(),
    paragraph(
      link(relativeLink(self, CATALOGUE_PATHS.index), text('← All personas')),
      text(' · '),
      link(relativeLink(self, CATALOGUE_PATHS.productIndex(persona.product)), text(persona.product)),
      text(' · '),
      link(relativeLink(self, CATALOGUE_PATHS.categoryPage(persona.category)), text(persona.category)),
    ),
    heading(1, untrustedLine(persona.title)),
    paragraph(
      inlineCode(persona.id),
      text(' · Tags: '),
      ...tagLinks(input),
      text(' · '),
      link(relativeLink(self, CATALOGUE_PATHS.personaExport(persona.product, persona.slug)), text('JSON')),
    ),
    communityLine(persona, anchors),
  ];
  for (const field of SECTION_ORDER) {
    children.push(heading(2, text(FIELD_LABELS[field])));
    if (isListField(field)) children.push(bulletList(persona[field].map((item) => [untrusted(item)])));
    else children.push(...paragraphsOf(persona[field]));
    // Only reviewed fields get a line, so a page doesn't repeat "not yet reviewed" thirteen times.
    const words = fieldProvenanceWords(persona.community?.fields?.[field]);
    if (words)
      children.push(
        paragraph(
          emphasis(text(`Community: ${words}`)),
          ...(needsReview.has(field)
            ? [text(' · ⚠ '), link(relativeLink(self, CATALOGUE_PATHS.freshness), text('needs review'))]
            : []),
        ),
      );
    children.push(sectionContributeLine(persona, field, options));
  }
  children.push(heading(2, text(FIELD_LABELS.composability)), ...composability(self, input));
  const after: RootContent[] = [
    ...historySection(self, persona, options),
    ...contributeSection(persona, options),
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
  return [root(children), root(after)];
}

/** The anchors of the page's own headings that its links use, as GitHub makes them. */
function pageAnchors(title: string): { history: string; contribute: string } {
  const [, history, contribute] = headingAnchors([
    title,
    ...SECTION_ORDER.map((field) => FIELD_LABELS[field]),
    FIELD_LABELS.composability,
    HISTORY_HEADING,
    CONTRIBUTE_HEADING,
  ]).slice(-3);
  return { history: history ?? '#history', contribute: contribute ?? '#contribute' };
}

const HISTORY_HEADING = 'History';

/**
 * "**Community:** 1 confirmation · 1 added item · last reviewed 2026-11-18, by [a](…) and [b](…)": what was done
 * and who did it, the contributors as links to their GitHub profiles (never `@` mentions, which would notify).
 */
function communityLine(persona: CataloguePersona, anchors: { history: string; contribute: string }) {
  const words = personaProvenanceWords(persona.community);
  const contributors = persona.community?.contributors ?? [];
  if (!words)
    return paragraph(
      strong(text('Community:')),
      text(` ${NOT_YET_REVIEWED} Be the first: each section ends with links to confirm or correct it (`),
      link(anchors.contribute, text('how')),
      text(').'),
    );
  return paragraph(
    strong(text('Community:')),
    text(` ${words}`),
    ...(contributors.length > 0 ? [text(', by '), ...contributorLinks(contributors, anchors.history)] : []),
    text('.'),
  );
}

/** "History": the applied contributions, newest first, at most `HISTORY_SHOWN`, with where to find the rest. */
function historySection(self: string, persona: CataloguePersona, options: CatalogueOptions): RootContent[] {
  const history = persona.community?.history ?? [];
  const out: RootContent[] = [heading(2, text(HISTORY_HEADING))];
  if (history.length === 0) {
    out.push(
      paragraph(
        text(
          persona.community
            ? 'No contribution is listed: the ones counted above were merged before contributions were recorded one by one.'
            : 'No contribution has been merged yet.',
        ),
      ),
    );
    return out;
  }
  // Oldest first in the file, so the newest is the last; among equal dates the one merged last.
  const newest = history
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => compareCodePoints(b.entry.date ?? '', a.entry.date ?? '') || b.index - a.index)
    .slice(0, HISTORY_SHOWN);
  out.push(bulletList(newest.map(({ entry }) => historyItem(entry))));
  if (history.length > HISTORY_SHOWN)
    out.push(
      paragraph(
        text(`${(history.length - HISTORY_SHOWN).toLocaleString('en-US')} earlier contributions are in the `),
        link(linkToLibraryFile(self, persona.file, options.rootFromCatalogue), text('source YAML')),
        text(' and the '),
        link(
          relativeLink(self, CATALOGUE_PATHS.personaExport(persona.product, persona.slug)),
          text('JSON export'),
        ),
        text(' ('),
        inlineCode('community.history'),
        text(').'),
      ),
    );
  return out;
}

function historyItem(entry: HistoryEntry): PhrasingContent[] {
  const out: PhrasingContent[] = [
    text(`${entry.date ?? 'undated'} · `),
    profileLink(entry.author),
    text(` ${historyDeedWords(entry)}`),
  ];
  if (entry.rationale) out.push(text(': '), untrustedLine(entry.rationale));
  // Evidence is any web address a contributor gave: shown, not linked, like every address in persona text.
  if (entry.evidence) out.push(text(' (evidence: '), inlineCode(entry.evidence), text(')'));
  return out;
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
