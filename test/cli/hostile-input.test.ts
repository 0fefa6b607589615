import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { personaText } from '../helpers/persona-text.ts';
import { runCli, scratchLibrary } from '../helpers/run-cli.ts';

const TARGET = 'personas/acme/acme-gamma.yaml';

const billionLaughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...Array.from({ length: 9 }, (_, i) => {
    const name = String.fromCharCode(98 + i);
    const prev = String.fromCharCode(97 + i);
    return `${name}: &${name} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`;
  }),
].join('\n');

/** Hostile files: each must end in a diagnostic with this rule, never a crash, a hang or a stack trace. */
const HOSTILE: Array<{ name: string; content: string | Uint8Array; rule: string }> = [
  {
    name: 'invalid UTF-8',
    content: new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]),
    rule: 'file/invalid-utf8',
  },
  { name: 'UTF-16 text', content: new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00]), rule: 'file/binary' },
  {
    name: 'a PNG',
    content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    rule: 'file/binary',
  },
  { name: 'an empty file', content: '', rule: 'file/empty' },
  {
    name: 'several documents',
    content: 'id: APP-1\n---\nid: APP-2\n---\nid: APP-3\n',
    rule: 'yaml/multiple-documents',
  },
  { name: 'a top-level string', content: '"just a string"\n', rule: 'yaml/not-a-mapping' },
  { name: 'a billion-laughs alias bomb', content: billionLaughs, rule: 'yaml/alias' },
  {
    name: 'a %YAML 1.1 document',
    content: '%YAML 1.1\n---\nid: APP-103\nsensitive: yes\n',
    rule: 'yaml/unsupported-directive',
  },
  {
    name: 'a !!js/function tag',
    content: 'id: !!js/function "function () { process.exit(9) }"\n',
    rule: 'yaml/unsupported-tag',
  },
  { name: 'a !!binary tag', content: 'id: !!binary aGVsbG8=\n', rule: 'yaml/unsupported-tag' },
  {
    name: '__proto__ keys',
    content: '__proto__:\n  polluted: true\nconstructor:\n  prototype:\n    polluted: true\n',
    rule: 'yaml/forbidden-key',
  },
  {
    name: '100,000 nested flow lists',
    content: `id: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    rule: 'yaml/too-deep',
  },
  {
    name: '600 nested block mappings',
    content: `${Array.from({ length: 600 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`,
    rule: 'yaml/too-deep',
  },
  {
    name: 'a 300 KB file',
    content: `id: APP-103\nidentity: "${'x'.repeat(300_000)}"\n`,
    rule: 'file/too-large',
  },
  // Under the size cap on purpose: 40,000 keys in about 200 KB.
  {
    name: '40,000 distinct keys',
    content: Array.from({ length: 40_000 }, (_, i) => `${i.toString(36)}:`).join('\n'),
    rule: 'file/too-many-problems',
  },
  {
    name: '30,000 repeats of one key',
    content: Array.from({ length: 30_000 }, () => 'id: 1').join('\n'),
    rule: 'yaml/duplicate-key',
  },
];

describe('hostile input', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it.each(HOSTILE)('$name → $rule, in bounded time', async ({ content, rule }) => {
    const lib = scratchLibrary();
    cleanup = lib.cleanup;
    mkdirSync(path.join(lib.root, 'personas/acme'), { recursive: true });
    writeFileSync(path.join(lib.root, TARGET), content);
    const result = await runCli(['validate', '--root', lib.root, '--format', 'json'], { timeoutMs: 15_000 });
    // Finished by itself (a kill would leave code null), with exit 1 and no stack trace.
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    const rules = report.diagnostics.map((d: { rule: string }) => d.rule);
    expect(rules).toContain(rule);
    for (const d of report.diagnostics) {
      expect(d.file).toBe(TARGET);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
    }
    expect(report.diagnostics.length).toBeLessThanOrEqual(51);
  });

  it('does not follow a symbolic link, and says so', async () => {
    const lib = scratchLibrary();
    cleanup = lib.cleanup;
    mkdirSync(path.join(lib.root, 'personas/acme'), { recursive: true });
    symlinkSync('/etc/passwd', path.join(lib.root, 'personas/acme/acme-gamma.yaml'));
    const result = await runCli(['validate', '--root', lib.root, '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(report.diagnostics.map((d: { rule: string; file: string }) => [d.rule, d.file])).toEqual([
      ['file/symlink', 'personas/acme/acme-gamma.yaml'],
    ]);
    expect(result.code).toBe(1);
  });

  it('leaves no prototype pollution behind a __proto__ key', async () => {
    const lib = scratchLibrary();
    cleanup = lib.cleanup;
    mkdirSync(path.join(lib.root, 'personas/acme'), { recursive: true });
    writeFileSync(
      path.join(lib.root, TARGET),
      `${personaText('acme-gamma', { id: 'APP-103' })}__proto__:\n  slug: hijacked\n`,
    );
    const result = await runCli(['validate', '--root', lib.root, '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(report.diagnostics.map((d: { rule: string }) => d.rule)).toEqual(['yaml/forbidden-key']);
  });
});
