import { afterEach, describe, expect, it, vi } from 'vitest';
import { emitAnnotations } from '../../scripts/action/annotations.ts';
import type { ReportDiagnostic } from '../../scripts/core/report.ts';

/** What the runner does with `::command props::data` lines: split, then undo the escapes. */
function parseCommand(
  line: string,
): { command: string; properties: Record<string, string>; message: string } | null {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!match) return null;
  const unescapeData = (v: string) => v.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProperty = (v: string) => unescapeData(v.replace(/%3A/g, ':').replace(/%2C/g, ','));
  const properties = Object.fromEntries(
    (match[2] ?? '').split(',').map((pair) => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), unescapeProperty(pair.slice(at + 1))];
    }),
  );
  return { command: match[1] ?? '', properties, message: unescapeData(match[3] ?? '') };
}

function capture(run: () => void): string[] {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split(/\r?\n/).filter(Boolean));
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return lines;
}

const d = (over: Partial<ReportDiagnostic>): ReportDiagnostic => ({
  file: 'personas/a/a.yaml',
  line: 2,
  column: 3,
  endLine: 2,
  endColumn: 7,
  severity: 'error',
  rule: 'schema/invalid',
  message: 'm',
  hint: 'h',
  url: '',
  ...over,
});

afterEach(() => vi.restoreAllMocks());

describe('emitAnnotations', () => {
  it('round-trips messages and file names with newlines, %, : and , through the workflow command', () => {
    const tricky = d({
      file: 'personas/a,b:c%25/x: y,z.yaml',
      message: '100% wrong: expected a, b\nor c%0A (literally)',
      hint: 'Try key: value, then\r\nrun again.',
    });
    const [line] = capture(() => emitAnnotations([tricky]));
    expect(line?.split('::')).toHaveLength(3);
    const parsed = parseCommand(line ?? '');
    expect(parsed?.command).toBe('error');
    expect(parsed?.properties.file).toBe(tricky.file);
    expect(parsed?.properties.title).toBe('schema/invalid');
    expect(parsed?.message).toBe(`${tricky.message}\n${tricky.hint}`);
  });

  it('puts errors before warnings, with the exact span', () => {
    const lines = capture(() =>
      emitAnnotations([
        d({ severity: 'warning', line: 1, endLine: 1 }),
        d({ severity: 'error', line: 5, column: 2, endLine: 5, endColumn: 9 }),
      ]),
    );
    const parsed = lines.map(parseCommand);
    expect(parsed.map((p) => p?.command)).toEqual(['error', 'warning']);
    expect(parsed[0]?.properties).toMatchObject({ line: '5', endLine: '5', col: '2', endColumn: '9' });
  });

  it('leaves columns out of a multi-line span, as GitHub requires', () => {
    const [line] = capture(() => emitAnnotations([d({ line: 3, endLine: 6 })]));
    const parsed = parseCommand(line ?? '');
    expect(parsed?.properties).toMatchObject({ line: '3', endLine: '6' });
    expect(parsed?.properties.col).toBeUndefined();
  });

  it('shows what GitHub shows of one step, 10 errors and 10 warnings, and says how many are left for the summary', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      d({ line: i + 1, endLine: i + 1, severity: i < 5 ? 'warning' : 'error' }),
    );
    let hidden = 0;
    const lines = capture(() => {
      hidden = emitAnnotations(many);
    });
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    // With 55 errors, the 5 warnings are still annotated: each kind has its own 10.
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(5);
    expect(lines).toHaveLength(15);
    expect(hidden).toBe(45);
  });
});
