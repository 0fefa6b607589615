import { ACTION_LABELS, FORM_TEMPLATE_FILE, personaOptionLabel } from '../core/contribute-form.ts';
import { FIELD_LABELS } from '../core/persona-fields.ts';
import {
  type ContributeLink,
  type ContributeLinkOptions,
  encodeQueryValue,
  MAX_CONTRIBUTE_URL_LENGTH,
  type PageTarget,
} from '../render/catalogue/contribute-links.ts';
import {
  type ContributionTarget,
  contributionTemplateEntries,
  contributionTemplateHeader,
  suggestedFileName,
} from '../render/catalogue/contribution-template.ts';
import { yamlPairParts } from '../render/catalogue/yaml-pair.ts';
import { MAX_FORM_URL_LENGTH } from '../render/issue-form/contribute-form-url.ts';

/** A URL, and the same URL as a Markdown link destination (or null when it must be left to the serializer). */
interface Built {
  url: string;
  destination: string | null;
}

/**
 * `contributeLinks` for the targets of one persona page, each link also with its Markdown `destination`. A
 * page has about eighty targets whose URLs share most of their text: the persona's slug, id and title, the
 * template's header and fixed entries, and each item's text (in the form's text box and twice in the
 * template). Those are percent-encoded once per page (the fixed ones once per run) and each URL is put
 * together from the pieces; percent-encoding works character by character, so that is what encoding the
 * whole would give. test/accel/fast-contribute-links.test.ts holds it to `contributeLinks`.
 */
export function fastPersonaContributeLinks(
  persona: Pick<ContributionTarget, 'slug' | 'id' | 'title'>,
  options: ContributeLinkOptions,
): (target: PageTarget) => ContributeLink[] {
  const formBase = base(`${options.repositoryUrl.replace(/\/+$/, '')}/issues/new?`);
  const fileBase = base(
    `${options.repositoryUrl}/new/${encodePath(options.branch)}/contributions/${encodePath(persona.slug)}?`,
  );
  const { slug, id } = persona;
  const title = encodeQueryValue(persona.title);
  const personaParam = `persona=${encodeQueryValue(personaOptionLabel(persona))}`;
  const slugPair = encodePair('persona', persona.slug);

  const formLink = (target: PageTarget, encodedText: string | undefined): Built => {
    const fieldLabel = FIELD_LABELS[target.field];
    const actionLabel = ACTION_LABELS[target.action];
    const item = target.item === undefined ? '' : ` item ${target.item}`;
    const params = [
      `template=${encodeQueryValue(FORM_TEMPLATE_FILE)}`,
      `title=${encodeQueryValue(`${actionLabel} ${fieldLabel}${item}: `)}${title}`,
      personaParam,
      `field=${encodeQueryValue(fieldLabel)}`,
      `action=${encodeQueryValue(actionLabel)}`,
    ];
    if (target.item !== undefined) params.push(`item=${target.item}`);
    if (encodedText !== undefined) params.push(`text=${encodedText}`);
    return join(formBase, params);
  };

  const fileLink = (target: ContributionTarget, encodedOriginal: string): Built => {
    let value = encodedHeader(contributionTemplateHeader(target));
    for (const [key, entry] of contributionTemplateEntries(target)) {
      if (key === 'persona' && entry === persona.slug) value += slugPair;
      else if (entry === target.original) value += encodePair(key, entry, encodedOriginal);
      else value += constantPair(key, entry);
    }
    return join(fileBase, [`filename=${encodeQueryValue(suggestedFileName(target))}`, `value=${value}`]);
  };

  return (pageTarget) => {
    const target: ContributionTarget = { slug, id, title: persona.title, ...pageTarget };
    const original = target.original;
    const encodedOriginal = original === undefined ? undefined : encodeQueryValue(original);
    // Form: the text box is filled only for a correction, and only while the URL stays under both limits
    // (`contributeFormUrl` leaves it out past its own, `contributeLinks` past the links' one).
    let form = formLink(target, target.action === 'correct' ? encodedOriginal : undefined);
    if (
      form.url.length > Math.min(MAX_FORM_URL_LENGTH, MAX_CONTRIBUTE_URL_LENGTH) &&
      encodedOriginal !== undefined
    )
      form = formLink(target, undefined);
    let file = fileLink(target, encodedOriginal ?? '');
    if (file.url.length > MAX_CONTRIBUTE_URL_LENGTH && original !== undefined)
      file = fileLink({ ...target, original: undefined }, '');
    // In the order of CONTRIBUTE_LINK_KINDS.
    return [made('form', form), made('file', file)];
  };
}

function made(label: string, built: Built): ContributeLink {
  return built.destination === null
    ? { label, url: built.url }
    : { label, url: built.url, destination: built.destination };
}

/**
 * The start of a URL, up to its query. The query holds only percent-encoded values and `&` before a
 * parameter's name, so the URL is plain when its start is (see `fast-markdown-handlers.ts`): in the destination the `&`s
 * are escaped, as the serializer would.
 */
function base(start: string): Built {
  const plain = /^[A-Za-z0-9%._~:/?=&-]+$/.test(start);
  return { url: start, destination: plain ? start.replace(/&(?=[#A-Za-z])/g, '\\&') : null };
}

/** `base` followed by `params`, each `name=value` with a percent-encoded value, joined by `&`. */
function join(start: Built, params: readonly string[]): Built {
  let url = start.url;
  let destination = start.destination;
  for (const [index, param] of params.entries()) {
    url += index === 0 ? param : `&${param}`;
    if (destination !== null) destination += index === 0 ? param : `\\&${param}`;
  }
  return { url, destination };
}

/** Encodings of what is the same on every page: template headers, and entries with a fixed key and value. */
const CONSTANT_HEADERS = new Map<string, string>();
const CONSTANT_PAIRS = new Map<string, Map<string | number, string>>();
/** A bound, should an entry ever vary more than the template's constants do. */
const MAX_CONSTANT_PAIRS = 10_000;
let constantPairs = 0;

function encodedHeader(header: string): string {
  let encoded = CONSTANT_HEADERS.get(header);
  if (encoded === undefined) {
    encoded = encodeQueryValue(header);
    CONSTANT_HEADERS.set(header, encoded);
  }
  return encoded;
}

function constantPair(key: string, value: string | number): string {
  const known = CONSTANT_PAIRS.get(key)?.get(value);
  if (known !== undefined) return known;
  if (constantPairs >= MAX_CONSTANT_PAIRS) {
    CONSTANT_PAIRS.clear();
    constantPairs = 0;
  }
  const encoded = encodePair(key, value);
  let byValue = CONSTANT_PAIRS.get(key);
  if (byValue === undefined) {
    byValue = new Map();
    CONSTANT_PAIRS.set(key, byValue);
  }
  byValue.set(value, encoded);
  constantPairs++;
  return encoded;
}

/** One template entry (`yamlPairParts`), encoded; `encodedValue` is the value encoded, when the caller has it. */
function encodePair(key: string, value: string | number, encodedValue?: string): string {
  const parts = yamlPairParts(key, value);
  if (parts.length === 3 && parts[1] === value && encodedValue !== undefined)
    return `${encodeQueryValue(parts[0] ?? '')}${encodedValue}%0A`;
  return encodeQueryValue(parts.join(''));
}

function encodePath(segment: string): string {
  return segment.split('/').map(encodeQueryValue).join('/');
}
