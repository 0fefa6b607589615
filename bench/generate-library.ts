import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LIST_FIELDS, type ListField, SECTION_ORDER, TEXT_FIELDS } from '../scripts/core/persona-fields.ts';
import { createRandom, deriveSeed, type Random } from './random.ts';
import { contributionText, personaText } from './serialize.ts';
import {
  CATEGORIES,
  capitalize,
  FIRST_NAMES,
  PRODUCT_PREFIXES,
  PRODUCT_SUFFIXES,
  prose,
  RELATIONS,
  ROLE_ADJECTIVES,
  ROLE_NOUNS,
  TAGS,
} from './words.ts';

export type InvalidKind = 'bad-yaml' | 'unknown-key' | 'broken-link';

export interface InvalidFile {
  file: string;
  kind: InvalidKind;
}

export interface GeneratedLibrary {
  size: number;
  seed: number;
  /** The whole library: N valid personas, their contributions and the invalid sprinkle. */
  root: string;
  /** The same library without the invalid files (0 errors, 0 warnings). */
  cleanRoot: string;
  personaFiles: string[];
  contributionFiles: string[];
  invalid: InvalidFile[];
  contributionsByAction: Record<'confirm' | 'correct' | 'extend', number>;
  bytes: number;
  /** The persona file `editPersona` rewrites. */
  editedFile: string;
  /** Copies of the library as two pull requests' heads (the base is `root`), when asked for; else null. */
  pullRequests: PullRequestHeads | null;
  /** Rewrites one persona (no contributions point at it) with new text, as a contributor's edit would. */
  editPersona(root: string, edit: number): string;
}

/**
 * Two pull requests against the library: copies of `root` made at generation time, each with one valid
 * change. Nothing else differs, so a check of either introduces no error.
 */
export interface PullRequestHeads {
  /** One persona's text field rewritten (no contribution points at that persona). */
  persona: { root: string; file: string; field: string };
  /** One new `extend` contribution, of a persona field that no other contribution touches. */
  contribution: { root: string; file: string; persona: string; field: string };
}

type PersonaData = Record<string, unknown> & { slug: string; product: string };

interface PersonaPlan {
  file: string;
  data: PersonaData;
}

const SECTION_STREAM = 1;
const LINK_STREAM = 2;
const CONTRIBUTION_STREAM = 3;
const INVALID_STREAM = 4;
const EDIT_STREAM = 5;
const LAYOUT_STREAM = 6;
const PULL_REQUEST_STREAM = 7;

/**
 * Writes a synthetic library of `size` personas into `<dir>/clean`, copies it to `<dir>/library` and adds the
 * invalid sprinkle there. With `pullRequests`, also copies the library to `<dir>/head-persona` and
 * `<dir>/head-contribution`, each with one valid change (see PullRequestHeads). Deterministic for a seed: no
 * clock, no Math.random, code-point file order.
 */
export function generateLibrary(options: {
  dir: string;
  size: number;
  seed: number;
  schemasDir: string;
  pullRequests?: boolean;
}): GeneratedLibrary {
  const { dir, size, seed } = options;
  const cleanRoot = path.join(dir, 'clean');
  const root = path.join(dir, 'library');
  const layout = createRandom(deriveSeed(seed, LAYOUT_STREAM));
  const personas = planPersonas(size, seed, layout);
  planLinks(personas, createRandom(deriveSeed(seed, LINK_STREAM)));
  addCommunity(personas, createRandom(deriveSeed(seed, LINK_STREAM, 1)));

  let bytes = 0;
  const write = (base: string, file: string, text: string) => {
    const target = path.join(base, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    bytes += Buffer.byteLength(text);
  };
  mkdirSync(cleanRoot, { recursive: true });
  cpSync(options.schemasDir, path.join(cleanRoot, 'schemas'), { recursive: true });
  for (const persona of personas) write(cleanRoot, persona.file, personaText(persona.data));

  const contributions = planContributions(personas, createRandom(deriveSeed(seed, CONTRIBUTION_STREAM)));
  for (const contribution of contributions)
    write(cleanRoot, contribution.file, contributionText(contribution.data));
  const contributed = new Set(contributions.map((c) => c.data.persona));
  const edited = personas.find((p) => !contributed.has(p.data.slug)) ?? personas[0];
  if (!edited) throw new Error('the bench needs at least one persona');

  cpSync(cleanRoot, root, { recursive: true });
  const invalid = writeInvalidFiles(
    root,
    personas,
    contributions.length,
    createRandom(deriveSeed(seed, INVALID_STREAM)),
    write,
  );
  const pullRequests = options.pullRequests
    ? writePullRequestHeads(dir, root, personas, contributions, edited, seed)
    : null;

  const contributionsByAction = { confirm: 0, correct: 0, extend: 0 };
  for (const c of contributions) contributionsByAction[c.data.action as keyof typeof contributionsByAction]++;
  const personaFiles = [...personas.map((p) => p.file), ...invalid.filter(isPersonaFile).map((f) => f.file)];
  const contributionFiles = [
    ...contributions.map((c) => c.file),
    ...invalid.filter((f) => !isPersonaFile(f)).map((f) => f.file),
  ];
  return {
    size,
    seed,
    root,
    cleanRoot,
    personaFiles: personaFiles.sort(compareStrings),
    contributionFiles: contributionFiles.sort(compareStrings),
    invalid: invalid.sort((a, b) => compareStrings(a.file, b.file)),
    contributionsByAction,
    bytes,
    editedFile: edited.file,
    pullRequests,
    editPersona(target, edit) {
      const random = createRandom(deriveSeed(seed, EDIT_STREAM, edit));
      const data = { ...edited.data, context: prose(random).paragraph(2, 3) };
      writeFileSync(path.join(target, edited.file), personaText(data));
      return edited.file;
    },
  };
}

function isPersonaFile(file: InvalidFile): boolean {
  return file.file.startsWith('personas/');
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function productNames(count: number, random: Random): string[] {
  const names = random.sample(
    PRODUCT_PREFIXES.flatMap((prefix) => PRODUCT_SUFFIXES.map((suffix) => `${prefix}${suffix}`)),
    Number.MAX_SAFE_INTEGER,
  );
  return Array.from({ length: count }, (_, i) => {
    const name = names[i % names.length] as string;
    return i < names.length ? name : `${name}-${Math.floor(i / names.length) + 1}`;
  });
}

function planPersonas(size: number, seed: number, layout: Random): PersonaPlan[] {
  const productCount = Math.max(1, Math.round(size / 20));
  const products = productNames(productCount, layout);
  const roles = ROLE_ADJECTIVES.flatMap((adjective) => ROLE_NOUNS.map((noun) => [adjective, noun] as const));
  const perProduct = Math.ceil(size / productCount);
  const rolesByProduct = products.map(() => layout.sample(roles, perProduct));
  return Array.from({ length: size }, (_, i) => {
    const productIndex = i % productCount;
    const product = products[productIndex] as string;
    const [adjective, noun] = rolesByProduct[productIndex]?.[Math.floor(i / productCount)] ?? [
      'solo',
      'owner',
    ];
    const slug = `${product}-${adjective}-${noun}`;
    const title = `The ${capitalize(product)} ${adjective.split('-').map(capitalize).join('-')} ${capitalize(noun)}`;
    const random = createRandom(deriveSeed(seed, SECTION_STREAM, i));
    const data: PersonaData = {
      id: `APP-${101 + i}`,
      slug,
      title,
      product,
      category: random.pick(CATEGORIES),
      tags: random.sample(TAGS, random.int(2, 5)),
      ...sections(random),
      composability: [],
    };
    return { file: `personas/${product}/${slug}.yaml`, data };
  });
}

/** Every content section filled: text of 2–3 sentences, lists of 3–8 items (about 4 KB in all). */
function sections(random: Random): Record<string, unknown> {
  const words = prose(random);
  const list = (item: () => string) => {
    const items = new Set<string>();
    const count = random.int(3, 8);
    while (items.size < count) items.add(item());
    return [...items];
  };
  return {
    aha_moment: words.paragraph(2, 3),
    job_story: words.jobStory(),
    identity: words.identity(),
    intention: words.paragraph(1, 2),
    outcome: words.paragraph(1, 2),
    goals: list(words.goal),
    frustrations: list(words.frustration),
    worldview: list(words.belief),
    scenario: words.paragraph(2, 3),
    context: words.paragraph(2, 3),
    success_signal: words.paragraph(1, 2),
    churn_trigger: words.paragraph(1, 2),
    impact: list(words.impact),
  };
}

/** 0–4 links per persona, always reciprocated with the same relation, never to itself or twice. */
function planLinks(personas: PersonaPlan[], random: Random): void {
  const wanted = personas.map(() => random.int(0, 4));
  const linked = personas.map(() => new Set<number>());
  const links = personas.map(() => [] as Array<{ persona: string; relation: string; note: string }>);
  const words = prose(random);
  for (let i = 0; i < personas.length; i++) {
    for (let attempt = 0; attempt < 12 && linked[i]!.size < wanted[i]!; attempt++) {
      const j = random.int(0, personas.length - 1);
      if (j === i || linked[i]!.has(j) || linked[j]!.size >= wanted[j]!) continue;
      const relation = random.pick(RELATIONS);
      linked[i]!.add(j);
      linked[j]!.add(i);
      links[i]!.push({ persona: personas[j]!.data.slug, relation, note: words.note() });
      links[j]!.push({ persona: personas[i]!.data.slug, relation, note: words.note() });
    }
  }
  personas.forEach((persona, i) => {
    persona.data.composability = links[i];
  });
}

/** About a quarter of the personas already carry provenance from earlier merges, as a grown library would. */
function addCommunity(personas: PersonaPlan[], random: Random): void {
  for (const persona of personas) {
    if (!random.chance(0.25)) continue;
    const fields: Record<string, unknown> = {};
    let confirmations = 0;
    const everyone = new Set<string>();
    let last = '';
    for (const field of random.sample(SECTION_ORDER, random.int(1, 3))) {
      const contributors = [
        ...new Set(Array.from({ length: random.int(1, 3) }, () => reviewerLogin(random))),
      ].sort(compareStrings);
      const confirmed = random.int(1, contributors.length);
      const date = randomDate(random);
      if (date > last) last = date;
      confirmations += confirmed;
      for (const login of contributors) everyone.add(login);
      fields[field] = { confirmed, contributors, last_reviewed: date };
    }
    persona.data.community = {
      confirmations,
      contributors: [...everyone].sort(compareStrings),
      last_reviewed: last,
      fields,
    };
  }
}

/** Logins of past reviewers and of pending contributors never overlap, so no confirmation repeats one. */
function reviewerLogin(random: Random): string {
  return `${random.pick(FIRST_NAMES)}-${random.int(10, 99)}`;
}

function contributorLogin(random: Random): string {
  return `${random.pick(FIRST_NAMES)}${random.int(100, 999)}`;
}

function randomDate(random: Random): string {
  return `2026-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
}

interface ContributionPlan {
  file: string;
  data: Record<string, unknown> & { persona: string; action: string };
}

/**
 * About N/2 contributions in all, a third of each action. At most one contribution per persona field, so none conflicts with another, every
 * `original` is the current text, and no list outgrows the schema's 12 items.
 */
function planContributions(personas: PersonaPlan[], random: Random): ContributionPlan[] {
  // Half as many contributions as personas in all (the 10,000 + 5,000), split over the three actions.
  const perAction = Math.max(1, Math.round(personas.length / 6));
  const used = new Set<string>();
  const out: ContributionPlan[] = [];
  const words = prose(random);
  const add = (action: 'confirm' | 'correct' | 'extend') => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const persona = random.pick(personas).data;
      const field =
        action === 'extend'
          ? random.pick(LIST_FIELDS)
          : random.pick([...TEXT_FIELDS, ...LIST_FIELDS] as string[]);
      const key = `${persona.slug}/${field}`;
      if (used.has(key)) continue;
      used.add(key);
      const current = persona[field];
      const author = contributorLogin(random);
      const data: ContributionPlan['data'] = { persona: persona.slug, field, action, author };
      if (action === 'confirm') {
        if (Array.isArray(current) && random.chance(0.3)) data.item = random.int(1, current.length);
      } else if (action === 'correct') {
        let original = current as string;
        if (Array.isArray(current)) {
          const item = random.int(1, current.length);
          data.item = item;
          original = current[item - 1] as string;
        }
        if (Array.isArray(current)) data.value = newItem(current, field as ListField, words);
        else data.value = field === 'job_story' ? words.jobStory() : words.paragraph(1, 3);
        if (data.value === original) data.value = `${original} ${words.sentence()}`;
        data.original = original;
        data.rationale = words.rationale();
      } else {
        data.value = newItem(current as string[], field as ListField, words);
        if (random.chance(0.5)) data.rationale = words.rationale();
      }
      if (random.chance(0.2)) data.evidence = `https://research.example.org/notes/${random.int(1000, 99999)}`;
      out.push({ file: `contributions/${persona.slug}/${randomDate(random)}-${author}-${field}.yaml`, data });
      return;
    }
  };
  for (const action of ['confirm', 'correct', 'extend'] as const)
    for (let i = 0; i < perAction; i++) add(action);
  return out.sort((a, b) => compareStrings(a.file, b.file));
}

/** An item the list does not have yet: a correction or extension that repeats one is an error. */
function newItem(items: readonly string[], field: ListField, words: ReturnType<typeof prose>): string {
  let value = listItem(field, words);
  while (items.includes(value)) value = listItem(field, words);
  return value;
}

function listItem(field: ListField, words: ReturnType<typeof prose>): string {
  if (field === 'goals') return words.goal();
  if (field === 'frustrations') return words.frustration();
  if (field === 'worldview') return words.belief();
  return words.impact();
}

/**
 * Two copies of the whole library (invalid files included, so a check finds them on the base too and none is
 * new), each with one valid change: a persona's `scenario` rewritten, and a new `extend` contribution. Neither
 * touches the persona `editPersona` rewrites, so the rows that edit the base never touch what a head changed.
 */
function writePullRequestHeads(
  dir: string,
  root: string,
  personas: PersonaPlan[],
  contributions: ContributionPlan[],
  edited: PersonaPlan,
  seed: number,
): PullRequestHeads {
  const random = createRandom(deriveSeed(seed, PULL_REQUEST_STREAM));
  const words = prose(random);
  const contributed = new Set(contributions.map((c) => c.data.persona));
  const used = new Set(contributions.map((c) => `${c.data.persona}/${c.data.field}`));

  const personaRoot = path.join(dir, 'head-persona');
  cpSync(root, personaRoot, { recursive: true });
  const rewritten =
    personas.find((p) => p !== edited && !contributed.has(p.data.slug)) ??
    personas.find((p) => p !== edited) ??
    edited;
  const field = 'scenario';
  writeFileSync(
    path.join(personaRoot, rewritten.file),
    personaText({ ...rewritten.data, [field]: words.paragraph(2, 3) }),
  );

  const contributionRoot = path.join(dir, 'head-contribution');
  cpSync(root, contributionRoot, { recursive: true });
  let target: { persona: PersonaPlan; field: ListField } | null = null;
  for (const persona of personas) {
    if (persona === edited) continue;
    const free = LIST_FIELDS.find((f) => !used.has(`${persona.data.slug}/${f}`));
    if (free) {
      target = { persona, field: free };
      break;
    }
  }
  if (!target) throw new Error('the bench needs a persona field that no contribution touches');
  const current = target.persona.data[target.field] as string[];
  const author = contributorLogin(random);
  const file = `contributions/${target.persona.data.slug}/${randomDate(random)}-${author}-${target.field}.yaml`;
  const data = {
    persona: target.persona.data.slug,
    field: target.field,
    action: 'extend',
    author,
    value: newItem(current, target.field, words),
    rationale: words.rationale(),
  };
  mkdirSync(path.dirname(path.join(contributionRoot, file)), { recursive: true });
  writeFileSync(path.join(contributionRoot, file), contributionText(data));
  return {
    persona: { root: personaRoot, file: rewritten.file, field },
    contribution: { root: contributionRoot, file, persona: target.persona.data.slug, field: target.field },
  };
}

/**
 * About 0.5% extra files with problems (at least one of each kind): personas with a YAML syntax error, an
 * unknown key or a link to a persona that does not exist, and contributions with a syntax error or an
 * unknown key. Nothing valid links to them or contributes to them, so they add errors only to themselves.
 */
function writeInvalidFiles(
  root: string,
  personas: PersonaPlan[],
  contributionCount: number,
  random: Random,
  write: (base: string, file: string, text: string) => void,
): InvalidFile[] {
  const out: InvalidFile[] = [];
  const personaKinds: InvalidKind[] = ['bad-yaml', 'unknown-key', 'broken-link'];
  const personaCount = Math.max(personaKinds.length, Math.round(personas.length * 0.005));
  const words = prose(random);
  for (let n = 0; n < personaCount; n++) {
    const kind = personaKinds[n % personaKinds.length] as InvalidKind;
    const base = random.pick(personas).data;
    const slug = `${base.product}-draft-persona-${n + 1}`;
    const data: Record<string, unknown> = {
      ...base,
      id: `APP-${101 + personas.length + n}`,
      slug,
      title: `The ${capitalize(base.product)} Draft Persona ${n + 1}`,
      ...sections(random),
      composability: [],
    };
    delete data.community;
    if (kind === 'unknown-key') data.owner = 'research-team';
    if (kind === 'broken-link') {
      data.composability = [
        { persona: `${base.product}-missing-persona`, relation: 'pairs-with', note: words.note() },
      ];
    }
    let text = personaText(data);
    if (kind === 'bad-yaml') text = text.replace(/^category: (.*)$/m, 'category: [$1');
    const file = `personas/${base.product}/${slug}.yaml`;
    write(root, file, text);
    out.push({ file, kind });
  }
  const contributionKinds: InvalidKind[] = ['bad-yaml', 'unknown-key'];
  const badContributions = Math.max(contributionKinds.length, Math.round(contributionCount * 0.005));
  for (let n = 0; n < badContributions; n++) {
    const kind = contributionKinds[n % contributionKinds.length] as InvalidKind;
    const persona = random.pick(personas).data;
    const author = `draft${n + 1}`;
    const data: Record<string, unknown> = {
      persona: persona.slug,
      field: 'goals',
      action: 'confirm',
      author,
    };
    if (kind === 'unknown-key') data.comment = words.rationale();
    let text = contributionText(data);
    if (kind === 'bad-yaml') text = text.replace(/^action: (.*)$/m, 'action: "$1');
    const file = `contributions/${persona.slug}/${randomDate(random)}-${author}-goals.yaml`;
    write(root, file, text);
    out.push({ file, kind });
  }
  return out;
}
