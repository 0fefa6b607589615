import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULES, type RuleId, ruleUrl } from '../../scripts/core/rules.ts';
import { type HtmlNode, htmlTree } from '../helpers/html-structure.ts';
import { renderGfm } from '../helpers/render-gfm.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';

/**
 * The docs as GitHub shows them. The README is the user guide and keeps an anchor for every rule, because
 * every diagnostic links to `README.md#<slug of the rule id>` (a public contract); docs/rules.md holds each
 * rule's full section, which the README's rule index links on to. Links between the docs must resolve.
 */
interface Doc {
  file: string;
  markdown: string;
  /** Every `<a name>` and heading anchor GitHub makes on the rendered page. */
  anchors: Set<string>;
  /** Every heading anchor, in order (github-slugger over the heading text, as GitHub does). */
  headings: string[];
  /** `name` of every `<a name>` element, in order. */
  names: string[];
  /** `href` of every link. */
  hrefs: string[];
  /** The table rows, each as its cells' text and the elements in them. */
  rows: Array<{ cells: string[]; nodes: Array<HtmlNode & { kind: 'element' }> }>;
}

function textOf(nodes: readonly HtmlNode[]): string {
  return nodes
    .map((n) => (n.kind === 'text' ? n.text : n.kind === 'element' ? textOf(n.children) : ''))
    .join('');
}

function* walk(nodes: readonly HtmlNode[]): Generator<HtmlNode & { kind: 'element' }> {
  for (const node of nodes)
    if (node.kind === 'element') {
      yield node;
      yield* walk(node.children);
    }
}

const attribute = (node: HtmlNode & { kind: 'element' }, name: string) =>
  node.attributes.find(([key]) => key === name)?.[1];

/** A Markdown document as GitHub renders it (micromark with GFM and raw HTML, as in the catalogue tests). */
function readDoc(file: string, markdown = readFileSync(path.join(REPO_ROOT, file), 'utf8')): Doc {
  const tree = htmlTree(renderGfm(markdown));
  const slugger = new GithubSlugger();
  const headings: string[] = [];
  const names: string[] = [];
  const hrefs: string[] = [];
  const rows: Doc['rows'] = [];
  for (const node of walk(tree)) {
    if (/^h[1-6]$/.test(node.tag)) headings.push(slugger.slug(textOf(node.children)));
    if (node.tag === 'a' && attribute(node, 'name') !== undefined) names.push(attribute(node, 'name') ?? '');
    if (node.tag === 'a' && attribute(node, 'href') !== undefined) hrefs.push(attribute(node, 'href') ?? '');
    if (node.tag === 'tr') {
      const cells = node.children.filter(
        (c): c is HtmlNode & { kind: 'element' } => c.kind === 'element' && /^t[dh]$/.test(c.tag),
      );
      rows.push({ cells: cells.map((c) => textOf(c.children).trim()), nodes: cells });
    }
  }
  return { file, markdown, anchors: new Set([...headings, ...names]), headings, names, hrefs, rows };
}

/** The full section of a rule in docs/rules.md: from its heading to the next heading of any level. */
function ruleSection(markdown: string, rule: string): string | null {
  const heading = `\n#### \`${rule}\`\n`;
  const start = markdown.indexOf(heading);
  if (start === -1) return null;
  const next = markdown.slice(start + heading.length).search(/\n#{1,6} /);
  return markdown.slice(start + 1, next === -1 ? undefined : start + heading.length + next);
}

/** Problems with one rule in the two docs: a missing section, example, anchor or index row. */
function ruleProblems(rule: RuleId, readme: Doc, rules: Doc): string[] {
  const problems: string[] = [];
  const slug = new URL(ruleUrl(rule)).hash.slice(1);
  const section = ruleSection(rules.markdown, rule);
  if (section === null) problems.push(`${rule}: no \`#### \`${rule}\`\` section in docs/rules.md`);
  else {
    // An example diagnostic as the text report prints it: `file:line:col  severity  message  [rule]`.
    const example = new RegExp(
      `^\\S+:\\d+:\\d+ {2}(error|warning) {2}.+ {2}\\[${rule.replace('/', '\\/')}\\]$`,
      'm',
    );
    if (!/```text\n/.test(section) || !example.test(section))
      problems.push(`${rule}: its section in docs/rules.md has no example line ending in [${rule}]`);
    if (!/^#### .+\n\n(Error|Warning)\b/.test(section))
      problems.push(`${rule}: its section in docs/rules.md does not start with "Error." or "Warning."`);
  }
  if (!rules.headings.includes(slug)) problems.push(`${rule}: docs/rules.md has no heading #${slug}`);
  if (!readme.names.includes(slug)) problems.push(`${rule}: README.md has no <a name="${slug}">`);
  const row = readme.rows.find((r) =>
    r.nodes.some((cell) => [...walk(cell.children)].some((n) => attribute(n, 'name') === slug)),
  );
  if (!row) problems.push(`${rule}: README.md has no rule-index row carrying its anchor`);
  else {
    const [id, description, level] = row.cells;
    if (id !== rule) problems.push(`${rule}: its README row names ${id}`);
    if (description !== textOf(htmlTree(renderGfm(RULES[rule])))?.trim())
      problems.push(`${rule}: its README row does not give the description from scripts/core/rules.ts`);
    const severity = /^#### .+\n\n(Error|Warning)\b/.exec(section ?? '')?.[1]?.toLowerCase();
    if (level !== severity) problems.push(`${rule}: its README row says ${level}, docs/rules.md ${severity}`);
    const links = row.nodes.flatMap((cell) =>
      [...walk(cell.children)].map((n) => attribute(n, 'href')).filter((h) => h !== undefined),
    );
    if (!links.includes(`docs/rules.md#${slug}`))
      problems.push(`${rule}: its README row does not link to docs/rules.md#${slug}`);
  }
  return problems;
}

/** Relative links of a doc that point at a missing file, or at an anchor the target page does not have. */
function brokenLinks(doc: Doc, read: (file: string) => Doc | null): string[] {
  const problems: string[] = [];
  for (const href of doc.hrefs) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
    const [target = '', fragment] = href.split('#');
    const file = path.posix.join(path.posix.dirname(doc.file), decodeURI(target));
    if (target !== '' && (file.startsWith('..') || !existsSync(path.join(REPO_ROOT, file)))) {
      problems.push(`${doc.file}: ${href} points at a missing file`);
      continue;
    }
    if (fragment === undefined || fragment === '') continue;
    const linked = target === '' ? doc : file.endsWith('.md') ? read(file) : null;
    if (!linked?.anchors.has(decodeURIComponent(fragment)))
      problems.push(`${doc.file}: ${href} has no such anchor`);
  }
  return problems;
}

const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(path.join(REPO_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const cache = new Map<string, Doc>();
const docOf = (file: string): Doc | null => {
  if (!existsSync(path.join(REPO_ROOT, file))) return null;
  let doc = cache.get(file);
  if (!doc) {
    doc = readDoc(file);
    cache.set(file, doc);
  }
  return doc;
};
const readme = docOf('README.md') as Doc;
const rules = docOf('docs/rules.md') as Doc;

describe('rule documentation', () => {
  it.each(RULE_IDS)(
    '%s: a full section in docs/rules.md, an anchor and an index row in README.md',
    (rule) => {
      expect(ruleProblems(rule, readme, rules)).toEqual([]);
    },
  );

  it('every diagnostic url points at README.md on main', () => {
    for (const rule of RULE_IDS)
      expect(ruleUrl(rule)).toBe(
        `https://github.com/persona-library/persona-library/blob/main/README.md#${new GithubSlugger().slug(rule)}`,
      );
  });

  it('documents no rule that does not exist, and each one once', () => {
    const documented = [...rules.markdown.matchAll(/^#### `([^`]+)`$/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...RULE_IDS].sort());
    const anchors = readme.names.filter((name) => RULE_IDS.some((r) => ruleUrl(r).endsWith(`#${name}`)));
    expect(anchors).toHaveLength(RULE_IDS.length);
    expect(new Set(anchors).size).toBe(RULE_IDS.length);
  });

  it('no README heading takes a rule’s anchor', () => {
    for (const rule of RULE_IDS) expect(readme.headings).not.toContain(new URL(ruleUrl(rule)).hash.slice(1));
  });

  it('catches a rule missing from either file (so a pass means something)', () => {
    const rule: RuleId = 'file/symlink';
    const withoutSection = readDoc(
      'docs/rules.md',
      rules.markdown.replace('#### `file/symlink`', '#### `file/symlinks`'),
    );
    expect(ruleProblems(rule, readme, withoutSection)).toEqual(
      expect.arrayContaining([expect.stringContaining('no `#### `file/symlink`` section')]),
    );
    const withoutExample = readDoc('docs/rules.md', rules.markdown.replace('[file/symlink]', '[file/link]'));
    expect(ruleProblems(rule, readme, withoutExample)).toEqual([
      'file/symlink: its section in docs/rules.md has no example line ending in [file/symlink]',
    ]);
    const withoutAnchor = readDoc('README.md', readme.markdown.replace('<a name="filesymlink">', '<a>'));
    expect(ruleProblems(rule, withoutAnchor, rules)).toEqual([
      'file/symlink: README.md has no <a name="filesymlink">',
      'file/symlink: README.md has no rule-index row carrying its anchor',
    ]);
    // An anchor GitHub would not make: inside a code span it is text, not an element.
    const quoted = readDoc(
      'README.md',
      readme.markdown.replace('<a name="filesymlink"></a>', '`<a name="filesymlink"></a>`'),
    );
    expect(ruleProblems(rule, quoted, rules)).toContain(
      'file/symlink: README.md has no <a name="filesymlink">',
    );
  });
});

describe('README', () => {
  it('shows the two quick-start commands', () => {
    const quickStart = readme.markdown.slice(readme.markdown.indexOf('## Quick start'));
    expect(quickStart).toMatch(/```sh\nnpm ci && npm start\n```/);
    expect(quickStart).toMatch(/```sh\nnpm test\n```/);
  });
});

describe('links between the docs', () => {
  it.each(DOCS)('%s: every relative link and anchor resolves', (file) => {
    expect(brokenLinks(docOf(file) as Doc, docOf)).toEqual([]);
  });

  it('finds a missing file and a missing anchor (so a pass means something)', () => {
    const doc = readDoc(
      'docs/x.md',
      '# X\n\n[a](../README.md#no-such-heading) [b](missing.md) [c](#x) [d](rules.md#filesymlink)\n',
    );
    expect(brokenLinks(doc, docOf)).toEqual([
      'docs/x.md: ../README.md#no-such-heading has no such anchor',
      'docs/x.md: missing.md points at a missing file',
    ]);
  });
});
