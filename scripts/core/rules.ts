import GithubSlugger from 'github-slugger';
import { REPOSITORY_URL } from './repository.ts';

/**
 * Every rule the tools can report, in one place. The README documents each one under a heading that is
 * exactly the rule id; a test keeps the two in step, and `url` links a diagnostic to its documentation.
 */
export const RULES = {
  // The file itself, before YAML parsing.
  'file/too-large': 'The file is larger than the size cap.',
  'file/binary': 'The file contains NUL bytes, so it is not text.',
  'file/invalid-utf8': 'The file is not valid UTF-8.',
  'file/empty': 'The file has no content.',
  'file/misplaced': 'The file is not where the library expects it.',
  'file/wrong-extension': 'A YAML file uses `.yml` (or another extension) instead of `.yaml`.',
  'file/symlink': 'A symbolic link where a file or folder should be.',
  'file/hidden': 'A hidden file or folder (its name starts with `.`).',
  'file/bad-name': 'A name with control characters, backslashes or bytes that are not UTF-8.',
  'file/unexpected': 'A file that cannot be a persona or a contribution.',
  'file/missing-modeline': 'The first line is not the `yaml-language-server` schema modeline.',
  'file/too-many-problems': 'Reporting stopped after many problems in one file.',
  // YAML syntax and structure.
  'yaml/syntax': 'The YAML could not be parsed.',
  'yaml/indentation': 'A line indented to a column that matches no level above it.',
  'yaml/tab': 'A tab in the indentation, where YAML allows only spaces.',
  'yaml/duplicate-key': 'A key appears twice in the same mapping.',
  'yaml/multiple-documents': 'The file holds more than one YAML document.',
  'yaml/not-a-mapping': 'The top level is not a mapping of keys to values.',
  'yaml/alias': 'YAML anchors and aliases are not allowed.',
  'yaml/unsupported-tag': 'A YAML tag such as `!!binary` or `!!js/function`.',
  'yaml/unsupported-directive': 'A `%YAML 1.1` or `%TAG` directive.',
  'yaml/forbidden-key': 'A key such as `__proto__` that could tamper with objects.',
  'yaml/non-string-key': 'A key that is not plain text.',
  'yaml/too-deep': 'Nesting deeper than any persona needs.',
  'yaml/invalid-text': 'Text holding half of a character (a lone `\\ud800`-style escape).',
  'yaml/warning': 'Any other YAML parser warning, treated as an error.',
  // JSON Schema checks, translated.
  'schema/unknown-key': 'A key that the format does not define.',
  'schema/missing-key': 'A required key is missing.',
  'schema/wrong-type': 'A value of the wrong type, such as text where a list is expected.',
  'schema/empty-value': 'A text value that is empty.',
  'schema/too-long': 'A text value over its length cap.',
  'schema/invalid-format': 'A value that does not have the required shape (id, slug, tag, date, URL).',
  'schema/not-allowed': 'A value outside a controlled list (category, relation, action).',
  'schema/too-few-items': 'A list with fewer items than required.',
  'schema/too-many-items': 'A list with more items than allowed.',
  'schema/duplicate-item': 'The same item twice in a list that must be unique.',
  'schema/invalid': 'Any other schema violation.',
  // Identity of a persona.
  'id/duplicate': 'Two personas share an id.',
  'id/changed': 'A persona that is on the base branch has another id in the pull request.',
  'id/taken': 'A new persona has an id another persona already holds; it gets a free one when merged.',
  'id/out-of-sequence': 'A new persona has an id far above the highest one in use.',
  'slug/duplicate': 'Two personas share a slug.',
  'slug/file-name-mismatch': 'The slug differs from the file name.',
  'slug/product-prefix': 'The slug does not start with `<product>-`.',
  'product/folder-mismatch': 'The product differs from the folder the file is in.',
  // Composability links.
  'link/unknown-persona': 'A link to a persona that does not exist.',
  'link/self': 'A persona links to itself.',
  'link/duplicate': 'The same persona is linked twice.',
  'link/not-reciprocated': 'A link that the target persona does not link back.',
  // Content lints (warnings).
  'lint/job-story-shape': 'A job story that is not shaped "When …, I want …, so …".',
  'lint/cut-list-item': 'A list item that looks cut in the middle of a sentence.',
  'lint/duplicate-title': 'Two personas share a title.',
  'lint/placeholder': 'Placeholder text such as TODO, TBD or lorem ipsum.',
  // Tags and the tag vocabulary (warnings).
  'tag/unknown': 'A tag that is not in the vocabulary, `tags.yaml`.',
  'tag/near-duplicate':
    'Two tags that differ only in plural or hyphenation, such as `design-system` and `design-systems`.',
  // Canonical formatting: what `persona fmt` rewrites (warnings in `persona validate`).
  'format/not-canonical': 'The file is not in canonical format.',
  'format/line-endings': 'The file has CRLF (Windows) line endings instead of LF.',
  'format/bom': 'The file starts with a byte order mark (BOM).',
  // @anchor contribution rules (issue 3) — insert below this line
  'contribution/unknown-persona': 'A contribution names a persona that does not exist.',
  'contribution/folder-mismatch': 'A contribution sits in a folder other than its persona’s slug.',
  'contribution/protected-field': 'A contribution to a key that contributions cannot change, like `id`.',
  'contribution/action-field-mismatch': 'An action that does not fit the field type, like `extend` on text.',
  'contribution/unexpected-key': 'A key that has no meaning for the action, such as `value` on a `confirm`.',
  'contribution/invalid-date': 'The date at the start of the file name is not a real date.',
  'contribution/no-change': 'A correction whose new text equals the current text.',
  'contribution/item-out-of-range': 'An `item` number beyond the end of the list.',
  'contribution/stale-original': 'The text a correction replaces no longer matches the persona.',
  'contribution/parked': 'A correction that went stale after it was merged, kept pending in `stale/`.',
  'contribution/duplicate-item': 'An extension that repeats an existing or pending item.',
  'contribution/duplicate-confirm': 'The same author confirming the same field twice.',
  'contribution/conflicting-corrections': 'Two pending corrections of the same text: the second goes stale.',
  'contribution/breaks-persona': 'Applying the contribution would make the persona invalid.',
  'contribution/persona-has-errors': 'The persona has errors of its own, so nothing is merged into it.',
  // @anchor catalogue rules (issue 4) — insert below this line
  'catalogue/stale': 'A generated catalogue file is missing or differs from what the personas produce.',
  'catalogue/extra': 'A generated catalogue file that the personas no longer produce.',
  'catalogue/too-large': 'A generated catalogue file would exceed the 500 KB cap.',
  'catalogue/edited': 'A pull request that only changes data changed a generated file.',
  // @anchor bot rules (issue 5) — insert below this line
  // @anchor privacy and duplicate rules (issue 18) — insert below this line
  'lint/duplicate-persona':
    'A persona of the same product with shared tags and a similar job story or identity.',
  'privacy/email': 'An e-mail address in persona or contribution text.',
  'privacy/phone': 'A phone number in persona or contribution text.',
  'privacy/ip-address': 'An IP address in persona or contribution text.',
  'privacy/secret': 'An API key, token or other credential-shaped string.',
  'privacy/customer-name': 'A named customer or employer, such as "at Acme Corp" or "our client Globex".',
} as const satisfies Record<string, string>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** Documentation link for a rule: the README heading named after it, slugged the way GitHub does. */
export function ruleUrl(rule: RuleId): string {
  return `${REPOSITORY_URL}/blob/main/README.md#${new GithubSlugger().slug(rule)}`;
}
