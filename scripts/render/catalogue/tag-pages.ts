import type { PhrasingContent, Root } from 'mdast';
import type { PersonaOutline } from '../../core/catalogue-persona.ts';
import type { CatalogueContext } from './catalogue-context.ts';
import { TAG_INDEX_TITLE, type TagGroup } from './catalogue-model.ts';
import { CATALOGUE_PATHS, relativeLink } from './catalogue-paths.ts';
import { bannerNode } from './generated-banner.ts';
import { bulletList, heading, joined, link, paragraph, root, text, untrustedLine } from './mdast.ts';

/** `tags.md` with every tag and its personas on one page. */
export function tagIndexPage(ctx: CatalogueContext): Root {
  const self = CATALOGUE_PATHS.tags;
  const anchors = ctx.model.tagAnchors;
  return root([
    bannerNode(),
    heading(1, text(TAG_INDEX_TITLE)),
    intro(self, ctx),
    paragraph(
      ...joined(
        ctx.model.tags.map((t) => [
          link(anchors.get(t.tag) ?? '', text(t.tag)),
          text(` (${t.personas.length})`),
        ]),
        ' · ',
      ),
    ),
    ...ctx.model.tags.flatMap((t) => [heading(2, text(t.tag)), personaList(self, t.personas)]),
  ]);
}

/** `tags.md` when one page would be too large: a list of tags, each linking to its own page. */
export function tagDirectoryPage(ctx: CatalogueContext): Root {
  const self = CATALOGUE_PATHS.tags;
  return root([
    bannerNode(),
    heading(1, text(TAG_INDEX_TITLE)),
    intro(self, ctx),
    bulletList(
      ctx.model.tags.map((t) => [
        link(relativeLink(self, CATALOGUE_PATHS.tagPage(t.tag)), text(t.tag)),
        text(` (${t.personas.length})`),
      ]),
    ),
  ]);
}

/** `_tags/<tag>.md`: one tag's personas. */
export function tagPage(group: TagGroup, ctx: CatalogueContext): Root {
  const self = CATALOGUE_PATHS.tagPage(group.tag);
  return root([
    bannerNode(),
    heading(1, text(`Tag: ${group.tag}`)),
    paragraph(
      text(`${group.personas.length} of ${ctx.model.personas.length} personas. `),
      link(relativeLink(self, CATALOGUE_PATHS.tags), text('All tags')),
      text(' · '),
      link(relativeLink(self, CATALOGUE_PATHS.index), text('Back to the catalogue')),
    ),
    personaList(self, group.personas),
  ]);
}

function intro(self: string, ctx: CatalogueContext) {
  return paragraph(
    text(`${ctx.model.tags.length} tags across ${ctx.model.personas.length} personas. `),
    link(relativeLink(self, CATALOGUE_PATHS.index), text('Back to the catalogue')),
  );
}

function personaList(self: string, personas: readonly PersonaOutline[]) {
  return bulletList(
    personas.map((p): PhrasingContent[] => [
      link(relativeLink(self, CATALOGUE_PATHS.personaPage(p.product, p.slug)), untrustedLine(p.title)),
      text(` (${p.product})`),
    ]),
  );
}
