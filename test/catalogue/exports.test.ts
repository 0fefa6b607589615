import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as formatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { CataloguePersona } from '../../scripts/core/catalogue-persona.ts';
import { LIST_FIELDS, SECTION_ORDER } from '../../scripts/core/persona-fields.ts';
import { CSV_COLUMNS, csvCell } from '../../scripts/render/catalogue/personas-csv.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';
import {
  CASES,
  csvList,
  csvText,
  FIXTURES,
  loadPersonas,
  parseCsv,
  renderFixture,
} from './catalogue-helpers.ts';

const LIBRARIES: Array<[string, string]> = [
  ...CASES.map((name): [string, string] => [name, path.join(FIXTURES, name, 'input')]),
  ['the shipped library', REPO_ROOT],
];

const addFormats = ((formatsModule as unknown as { default: { default?: unknown } }).default.default ??
  (formatsModule as unknown as { default: unknown }).default) as (ajv: Ajv2020, formats: string[]) => void;

/** schemas/catalogue.schema.json, resolving its `$ref` to schemas/persona.schema.json, in ajv's strict mode. */
function validateExport(value: unknown): unknown[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  addFormats(ajv, ['date', 'uri']);
  const schema = (name: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas', name), 'utf8'));
  ajv.addSchema(schema('persona.schema.json'));
  const validate = ajv.compile(schema('catalogue.schema.json'));
  return validate(value) ? [] : (validate.errors ?? []);
}

function byId(personas: readonly CataloguePersona[]) {
  return [...personas].sort((a, b) => Number(a.id.slice(4)) - Number(b.id.slice(4)));
}

function withoutFile({ file: _file, ...data }: CataloguePersona) {
  return data;
}

describe('csvCell (RFC 4180 + formula guard)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1, or so', `"'-1, or so"`],
    ['@cmd', "'@cmd"],
    ["'quoted", "''quoted"],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
    const [[parsed]] = parseCsv(`${expected}\n`) as [[string]];
    expect(csvText(parsed)).toBe(input);
  });
});

describe.each(LIBRARIES)('%s: exports round-trip', (_name, root) => {
  it('personas.json parses back to exactly the library, in id order, and matches its schema', async () => {
    const personas = await loadPersonas(root);
    const files = await renderFixture(root);
    const json = JSON.parse(files['personas.json'] ?? '');
    expect(Object.keys(json)).toEqual(['$comment', '$schema', 'personas']);
    expect(json.$schema).toBe('../schemas/catalogue.schema.json');
    expect(json.personas).toEqual(byId(personas).map(withoutFile));

    expect(validateExport(json)).toEqual([]);
  });

  it('personas.csv parses back to the library: every column, lists split on line breaks', async () => {
    const personas = byId(await loadPersonas(root));
    const files = await renderFixture(root);
    const [header, ...rows] = parseCsv(files['personas.csv'] ?? '');
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(personas.length);
    rows.forEach((row, index) => {
      const persona = personas[index] as CataloguePersona;
      const cell = (column: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(column)] ?? '';
      for (const key of ['id', 'slug', 'title', 'product', 'category'] as const)
        expect(csvText(cell(key))).toBe(persona[key]);
      expect(csvList(cell('tags'))).toEqual(persona.tags);
      for (const field of SECTION_ORDER) {
        if ((LIST_FIELDS as readonly string[]).includes(field))
          expect(csvList(cell(field))).toEqual(persona[field]);
        else expect(csvText(cell(field))).toBe(persona[field]);
      }
      const links = csvList(cell('composability')).map((entry, i) => {
        const [, slug, relation] = /^([a-z0-9-]+) \(([a-z-]+)\)$/.exec(entry) ?? [];
        return { persona: slug, relation, note: csvList(cell('composability_notes'))[i] };
      });
      expect(links).toEqual(persona.composability);
      expect(Number(cell('confirmations'))).toBe(persona.community?.confirmations ?? 0);
      expect(csvList(cell('contributors'))).toEqual(persona.community?.contributors ?? []);
      expect(cell('last_reviewed')).toBe(persona.community?.last_reviewed ?? '');
    });
  });
});
