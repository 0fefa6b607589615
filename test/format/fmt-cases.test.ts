import { describe, expect, it } from 'vitest';
import { PERSONA_MODELINE as M } from '../../scripts/core/persona-fields.ts';
import { formatPersonaSource } from '../../scripts/plan/format-persona-source.ts';

const FILE = 'personas/acme/acme-alpha.yaml';
const encode = (text: string) => new TextEncoder().encode(text);

/**
 * Shapes that `fmt` once rewrote differently on every pass (issue 15), and the edge cases met while fixing
 * them. Each gives the exact text fmt writes, which fmt then leaves alone.
 */
const CASES: Array<{ name: string; input: string; output: string; rules: string[] }> = [
  {
    name: 'a modeline, a header comment, a blank line, then id (alternated between two forms)',
    input: `${M}\n# header comment\n\nid: APP-101\nslug: acme-alpha\n`,
    output: `${M}\n# header comment\n\nid: APP-101\nslug: acme-alpha\n`,
    rules: [],
  },
  {
    name: 'the header comment above the modeline (the comment joins the first key)',
    input: `# header comment\n\n${M}\nid: APP-101\n`,
    output: `${M}\n# header comment\nid: APP-101\n`,
    rules: ['file/missing-modeline', 'format/not-canonical'],
  },
  {
    name: 'a modeline after the first key (was written twice)',
    input: `id: APP-101\n${M}\nslug: acme-alpha\n`,
    output: `${M}\nid: APP-101\nslug: acme-alpha\n`,
    rules: ['file/missing-modeline', 'format/not-canonical'],
  },
  {
    name: 'the modeline twice',
    input: `${M}\nid: APP-101\n${M}\nslug: acme-alpha\n`,
    output: `${M}\nid: APP-101\nslug: acme-alpha\n`,
    rules: ['format/not-canonical'],
  },
  {
    name: 'the modeline as a trailing comment',
    input: `id: APP-101 ${M}\nslug: acme-alpha\n`,
    output: `${M}\nid: APP-101\nslug: acme-alpha\n`,
    rules: ['file/missing-modeline', 'format/not-canonical'],
  },
  {
    name: 'a comment above a link key that sorting makes first (moved twice)',
    input: `${M}\nid: APP-101\ncomposability:\n  - relation: pairs-with\n    # why\n    persona: acme-beta\n    note: x\n`,
    output: `${M}\nid: APP-101\ncomposability:\n  # why\n  - persona: acme-beta\n    relation: pairs-with\n    note: x\n`,
    rules: ['format/not-canonical'],
  },
  {
    name: 'a comment between link keys that stay in order',
    input: `${M}\nid: APP-101\ncomposability:\n  - persona: acme-beta\n    # why\n    relation: pairs-with\n`,
    output: `${M}\nid: APP-101\ncomposability:\n  - persona: acme-beta\n    # why\n    relation: pairs-with\n`,
    rules: [],
  },
  {
    name: 'a blank line before the key that sorting makes first',
    input: `${M}\n# header\n\nslug: acme-alpha\n\nid: APP-101\n`,
    output: `${M}\n# header\n\nid: APP-101\nslug: acme-alpha\n`,
    rules: ['format/not-canonical'],
  },
  {
    name: 'a |+ block at the end keeps its trailing newlines',
    input: `${M}\nid: APP-101\nnote: |+\n  kept\n\n`,
    output: `${M}\nid: APP-101\nnote: |+\n  kept\n\n`,
    rules: [],
  },
  {
    name: 'a lone CR in a comment (the printer added a # after it on every pass)',
    input: `${M}\n# a\rb\nid: APP-101 # c\u2028d\nslug: acme-alpha\n`,
    output: `${M}\n# a\n#b\nid: APP-101\n  # c\n  #d\nslug: acme-alpha\n`,
    rules: ['format/not-canonical'],
  },
  {
    name: 'CRLF with a comment block between keys (yaml keeps a CR in it)',
    input: `${M}\r\nid: APP-101\r\n# one\r\n# two\r\nslug: acme-alpha\r\n`,
    output: `${M}\nid: APP-101\n# one\n# two\nslug: acme-alpha\n`,
    rules: ['format/line-endings'],
  },
  {
    name: 'a BOM',
    input: `\uFEFF${M}\nid: APP-101\n`,
    output: `${M}\nid: APP-101\n`,
    rules: ['format/bom'],
  },
];

describe('persona fmt on shapes that used to move', () => {
  it.each(CASES)('$name', ({ input, output, rules }) => {
    const first = formatPersonaSource(FILE, encode(input));
    if (input === output) {
      expect(first).toEqual({ kind: 'canonical' });
    } else {
      expect(first.kind).toBe('changed');
      if (first.kind !== 'changed') return;
      expect(first.text).toBe(output);
      expect(first.diagnostics.map((d) => d.rule).sort()).toEqual(rules);
    }
    expect(formatPersonaSource(FILE, encode(output))).toEqual({ kind: 'canonical' });
  });
});
