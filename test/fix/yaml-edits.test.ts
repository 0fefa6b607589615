import { describe, expect, it } from 'vitest';
import { uniqueMatch } from '../../scripts/core/did-you-mean.ts';
import { applyTextEdits, resolveEdits } from '../../scripts/core/text-edits.ts';
import type { YamlChange } from '../../scripts/core/yaml-change.ts';
import { parseYaml } from '../../scripts/parse/parse-yaml.ts';
import { newSideLines } from '../../scripts/parse/pull-patch.ts';
import { yamlEdits } from '../../scripts/parse/yaml-edits.ts';

const FILE = 'personas/acme/acme-alpha.yaml';

function edited(text: string, change: YamlChange): string | undefined {
  const parsed = parseYaml(FILE, text);
  if (!parsed.doc) throw new Error('fixture does not parse');
  const edits = yamlEdits({ file: FILE, text, doc: parsed.doc, value: parsed.value }, change);
  return edits ? applyTextEdits(text, edits) : undefined;
}

describe('yamlEdits: each change touches only its text, or is refused', () => {
  it.each<[string, string, YamlChange, string | undefined]>([
    [
      'a plain value',
      'a: 1\ncategory: technicl # note\nz: 2\n',
      { kind: 'set-text', at: ['category'], value: 'technical' },
      'a: 1\ncategory: technical # note\nz: 2\n',
    ],
    [
      'a double-quoted value stays quoted',
      'category: "technicl"\n',
      { kind: 'set-text', at: ['category'], value: 'technical' },
      'category: "technical"\n',
    ],
    [
      'a single-quoted value stays quoted',
      "category: 'technicl'\n",
      { kind: 'set-text', at: ['category'], value: "it's" },
      "category: 'it''s'\n",
    ],
    [
      'a plain value that would not read as text is quoted',
      'tags:\n  - Four\n',
      { kind: 'set-text', at: ['tags', 0], value: '404' },
      'tags:\n  - "404"\n',
    ],
    [
      'a block scalar is not rewritten',
      'note: |\n  technicl\n',
      { kind: 'set-text', at: ['note'], value: 'x' },
      undefined,
    ],
    ['a value that is not text', 'n: 1\n', { kind: 'set-text', at: ['n'], value: 'x' }, undefined],
    [
      'a key',
      'id: 1\nfrustations:\n  - "x"\n',
      { kind: 'rename-key', at: [], from: 'frustations', to: 'frustrations' },
      'id: 1\nfrustrations:\n  - "x"\n',
    ],
    ['a key already taken', 'a: 1\nb: 2\n', { kind: 'rename-key', at: [], from: 'a', to: 'b' }, undefined],
    [
      'a key inside a list item',
      'l:\n  - persona: x\n    relaton: y\n',
      { kind: 'rename-key', at: ['l', 0], from: 'relaton', to: 'relation' },
      'l:\n  - persona: x\n    relation: y\n',
    ],
    [
      'an item appended to a block list, in its indentation, before the next key',
      'l:\n    - persona: a\n      note: "n"\n# about k\nk: 1\n',
      {
        kind: 'append-item',
        at: ['l'],
        item: [
          ['persona', 'b'],
          ['note', 'Say "hi": \u0085 ok'],
        ],
      },
      'l:\n    - persona: a\n      note: "n"\n    - persona: b\n      note: "Say \\"hi\\": \\u0085 ok"\n# about k\nk: 1\n',
    ],
    [
      'an item appended to an empty flow list',
      'l: []\nk: 1\n',
      { kind: 'append-item', at: ['l'], item: [['persona', 'b']] },
      'l:\n  - persona: b\nk: 1\n',
    ],
    [
      'an item appended at the end of a file without a final line break',
      'l:\n  - a: 1',
      { kind: 'append-item', at: ['l'], item: [['a', '2']] },
      'l:\n  - a: 1\n  - a: "2"\n',
    ],
    [
      'not to a flow list with items',
      'l: [a]\n',
      { kind: 'append-item', at: ['l'], item: [['a', 'b']] },
      undefined,
    ],
    [
      'a list item removed with its line',
      'tags:\n  - a\n  - b # dup\n  - c\n',
      { kind: 'delete-item', at: ['tags', 1] },
      'tags:\n  - a\n  - c\n',
    ],
    ['not an item of a flow list', 'tags: [a, b]\n', { kind: 'delete-item', at: ['tags', 1] }, undefined],
  ])('%s', (_name, text, change, expected) => {
    expect(edited(text, change)).toBe(expected);
  });
});

describe('text edits', () => {
  it('apply at 1-based positions, end exclusive, and refuse overlaps and positions a text does not have', () => {
    const edit = (line: number, column: number, endLine: number, endColumn: number, text: string) => ({
      file: FILE,
      line,
      column,
      endLine,
      endColumn,
      text,
    });
    expect(applyTextEdits('ab\ncd\n', [edit(2, 1, 2, 2, 'X'), edit(1, 3, 1, 3, '!')])).toBe('ab!\nXd\n');
    expect(applyTextEdits('ab\n', [edit(2, 1, 2, 1, 'new\n')])).toBe('ab\nnew\n');
    expect(resolveEdits('ab\n', [edit(1, 1, 1, 3, ''), edit(1, 2, 1, 3, '')])).toBeUndefined();
    expect(resolveEdits('ab\n', [edit(1, 2, 1, 2, 'x'), edit(1, 2, 1, 2, 'y')])).toBeUndefined();
    expect(resolveEdits('ab\n', [edit(1, 4, 1, 4, '')])).toBeUndefined();
    expect(resolveEdits('ab\n', [edit(3, 1, 3, 1, '')])).toBeUndefined();
    expect(resolveEdits('ab\n', [edit(1, 2, 1, 1, '')])).toBeUndefined();
  });
});

describe('uniqueMatch', () => {
  it.each<[string, string[], string | undefined]>([
    ['technicl', ['technical', 'business'], 'technical'],
    ['Technical', ['technical', 'business'], 'technical'],
    ['technical', ['technical'], undefined],
    ['bat', ['cat', 'hat'], undefined],
    ['zzzzzz', ['technical'], undefined],
  ])('%s among %j', (input, candidates, expected) => {
    expect(uniqueMatch(input, candidates)).toBe(expected);
  });
});

describe('newSideLines: the lines of a pull request patch a comment may be placed on', () => {
  it('numbers the new side, marks added lines and hunks, skips removed lines and the no-newline marker', () => {
    const patch =
      '@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -10,2 +10,3 @@\n x\n+y\n z\n\\ No newline at end of file';
    const lines = newSideLines(patch);
    expect(
      [...(lines ?? new Map())].map(([n, l]) => `${n}:${l.added ? '+' : ' '}${l.text}:${l.hunk}`),
    ).toEqual(['1: a:0', '2:+B:0', '3: c:0', '10: x:1', '11:+y:1', '12: z:1']);
  });

  it.each([
    ['no hunk header', '+a\n'],
    ['more lines than the header counts', '@@ -1 +1 @@\n+a\n+b\n'],
    ['fewer lines than the header counts', '@@ -1,2 +1,2 @@\n a\n'],
    ['an unknown line kind', '@@ -1 +1 @@\n*a\n'],
  ])('refuses a patch with %s', (_name, patch) => {
    expect(newSideLines(patch)).toBeUndefined();
  });
});
