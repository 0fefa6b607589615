import { type Diagnostic, diagnostic, type Place, START_OF_FILE } from '../../core/diagnostic.ts';
import { TEXT_FIELDS } from '../../core/persona-fields.ts';
import type { PersonaFacts } from '../persona/check-persona-file.ts';

/**
 * A persona's data read again from its file, for facts validated without it: only the few personas a rename
 * may involve are compared by text.
 */
export type DataOf = (file: string) => Record<string, unknown> | null;

/** Where a persona's value is, for a persona whose facts carry no places (it took the fast path). */
export type PlaceOfValue = (file: string, key: string) => Place;

/** How many ids a pull request may run ahead of the base's highest: room for the personas it adds. */
const ID_HEADROOM = 50;

/**
 * What a pull request changes that only a comparison with its base can tell, applied to the head's own
 * diagnostics. Pure: both libraries were validated before this.
 *
 * Each head persona is first paired with the base persona it continues: the same file, else the same slug,
 * else (a rename) the vanished base persona whose text it shares most. Then:
 * - `id/changed`: a persona that continues one of the base has another id (or none). Ids are immutable once
 *   on main: links, issues and exports name them.
 * - `id/taken`: a persona the pull request adds has an id that a persona of the base holds. That is not the
 *   contributor's to fix: the apply workflow gives it the next free id when it is merged. It replaces the
 *   `id/duplicate` errors on the new persona and on the holder.
 * - `id/out-of-sequence`: a new persona's id is far above the base's highest. Ids are handed out in order;
 *   one huge id would make every later one overflow.
 */
export function checkAgainstBase(
  head: { personas: readonly PersonaFacts[]; diagnostics: readonly Diagnostic[]; dataOf?: DataOf },
  base: { personas: readonly PersonaFacts[]; dataOf?: DataOf },
  placeOf: PlaceOfValue,
): Diagnostic[] {
  const pairs = pairWithBase(head, base);
  const out: Diagnostic[] = [];
  let highestOnBase = 0;
  for (const facts of base.personas) highestOnBase = Math.max(highestOnBase, idNumber(idOf(facts)));
  for (const facts of head.personas) {
    const id = idOf(facts);
    const before = pairs.get(facts);
    const was = before ? idOf(before) : undefined;
    if (was !== undefined && id !== was) {
      out.push(
        diagnostic(
          facts.file,
          id === undefined ? START_OF_FILE : placeOf(facts.file, 'id'),
          'id/changed',
          id === undefined
            ? `This persona has no \`id\`; on the base branch it is \`${was}\` (as \`${before?.file}\`).`
            : `The id changed from \`${was}\` to \`${id}\`${before && before.file !== facts.file ? ` (this persona was \`${before.file}\`)` : ''}; ids never change once a persona is on the base branch.`,
          `Restore \`id: ${was}\`: links, issues and the exports name personas by it.`,
        ),
      );
    }
    if (!before && highestOnBase > 0 && idNumber(id) > highestOnBase + ID_HEADROOM) {
      out.push(
        diagnostic(
          facts.file,
          placeOf(facts.file, 'id'),
          'id/out-of-sequence',
          `The id \`${id}\` is far above the highest id on the base branch (APP-${String(highestOnBase).padStart(3, '0')}).`,
          `Ids are handed out in order: use \`id: APP-${String(highestOnBase + 1).padStart(3, '0')}\` (what \`npx persona new\` writes); if another pull request takes it first, this one gets the next free id when merged.`,
        ),
      );
    }
  }
  const relaxed = new Set<string>();
  const headById = new Map<string, PersonaFacts[]>();
  for (const facts of head.personas) {
    const id = idOf(facts);
    if (id !== undefined) headById.set(id, [...(headById.get(id) ?? []), facts]);
  }
  for (const [id, holders] of headById) {
    if (holders.length < 2) continue;
    const continuing = holders.filter((h) => pairs.has(h));
    const arrived = holders.filter((h) => !pairs.has(h));
    // A duplicate among personas the base already had is not this pull request's to explain.
    if (arrived.length === 0 || continuing.length > 1) continue;
    for (const holder of holders) relaxed.add(holder.file);
    const owner = continuing[0];
    for (const holder of arrived) {
      out.push(
        diagnostic(
          holder.file,
          placeOf(holder.file, 'id'),
          'id/taken',
          owner
            ? `The id \`${id}\` is already used by \`${owner.file}\`, so this new persona gets the next free id when it is merged.`
            : `The id \`${id}\` is used by more than one new persona; all but the first get the next free ids when merged.`,
          'Nothing to do: the apply workflow assigns ids on main, in the order personas arrive. Links use slugs, so nothing else changes.',
          'warning',
        ),
      );
    }
  }
  const kept = head.diagnostics.filter((d) => !(d.rule === 'id/duplicate' && relaxed.has(d.file)));
  return [...kept, ...out];
}

/**
 * The base persona each head persona continues: the same file; else the same slug; else, for a persona the
 * pull request moved and renamed, the vanished base persona it shares the most text with (title, tags and at
 * least half of its text fields equal), one to one.
 */
function pairWithBase(
  headSide: { personas: readonly PersonaFacts[]; dataOf?: DataOf },
  baseSide: { personas: readonly PersonaFacts[]; dataOf?: DataOf },
): Map<PersonaFacts, PersonaFacts> {
  const head = headSide.personas;
  const base = baseSide.personas;
  const pairs = new Map<PersonaFacts, PersonaFacts>();
  const byFile = new Map(base.map((facts) => [facts.file, facts]));
  const bySlug = new Map<string, PersonaFacts>();
  for (const facts of base) {
    const slug = slugOf(facts);
    if (slug !== undefined) bySlug.set(slug, facts);
  }
  const taken = new Set<PersonaFacts>();
  const unpaired: PersonaFacts[] = [];
  for (const facts of head) {
    const slug = slugOf(facts);
    const before = byFile.get(facts.file) ?? (slug === undefined ? undefined : bySlug.get(slug));
    if (before && !taken.has(before)) {
      pairs.set(facts, before);
      taken.add(before);
    } else unpaired.push(facts);
  }
  const vanished = base.filter((facts) => !taken.has(facts));
  if (vanished.length === 0 || unpaired.length === 0) return pairs;
  const headData = dataWithin(headSide.dataOf);
  const baseData = dataWithin(baseSide.dataOf);
  const candidates = unpaired
    .flatMap((facts) =>
      vanished.map((before) => ({
        facts,
        before,
        score: similarity(headData(facts), baseData(before)),
      })),
    )
    .filter((c) => c.score >= 0.5)
    .sort((a, b) => b.score - a.score || (a.facts.file < b.facts.file ? -1 : 1));
  for (const { facts, before } of candidates) {
    if (pairs.has(facts) || taken.has(before)) continue;
    pairs.set(facts, before);
    taken.add(before);
  }
  return pairs;
}

/** Facts' own data, else read once per file with `dataOf`. */
function dataWithin(dataOf: DataOf | undefined): (facts: PersonaFacts) => Record<string, unknown> | null {
  const read = new Map<string, Record<string, unknown> | null>();
  return (facts) => {
    if (facts.data || !dataOf) return facts.data;
    if (!read.has(facts.file)) read.set(facts.file, dataOf(facts.file));
    return read.get(facts.file) ?? null;
  };
}

/** The share of a persona's identifying text two personas have in common: text fields, title and tags. */
function similarity(a: Record<string, unknown> | null, b: Record<string, unknown> | null): number {
  if (!a || !b) return 0;
  const keys = [...TEXT_FIELDS, 'title', 'tags'];
  let same = 0;
  for (const key of keys)
    if (JSON.stringify(a[key]) === JSON.stringify(b[key]) && a[key] !== undefined) same++;
  return same / keys.length;
}

function idNumber(id: string | undefined): number {
  const match = id === undefined ? null : /^APP-(\d{3,})$/.exec(id);
  return match ? Number(match[1]) : 0;
}

function idOf(facts: PersonaFacts): string | undefined {
  return facts.identity.id;
}

function slugOf(facts: PersonaFacts): string | undefined {
  return facts.identity.slug;
}
