import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateLibrary } from '../../bench/generate-library.ts';
import { fastParse } from '../../scripts/accel/fast-yaml.ts';
import { PersonaChangedError, reloadPersona } from '../../scripts/accel/persona-reload.ts';
import { checkPersonaFile } from '../../scripts/check/persona/check-persona-file.ts';
import { personaDataOf } from '../../scripts/check/persona/persona-data.ts';
import { toCataloguePersona } from '../../scripts/core/catalogue-persona.ts';
import { contentHash } from '../../scripts/core/sha256.ts';
import { validatePersona } from '../contributions/contribution-helpers.ts';
import { REPO_ROOT } from '../helpers/run-cli.ts';
import { RULE_CASES } from '../validate/rule-cases.ts';

/**
 * The catalogue reads each persona again where it renders it, instead of holding every persona's data: the
 * data read again must be what validation gave, and a file changed since then must stop the run.
 */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'persona-reload-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const generated = generateLibrary({
  dir: path.join(tmp, 'generated'),
  size: 80,
  seed: 5,
  schemasDir: path.join(REPO_ROOT, 'schemas'),
});

function shippedPersonas(): Array<[string, Uint8Array]> {
  const out: Array<[string, Uint8Array]> = [];
  for (const product of readdirSync(path.join(REPO_ROOT, 'personas')))
    for (const name of readdirSync(path.join(REPO_ROOT, 'personas', product)))
      out.push([
        `personas/${product}/${name}`,
        readFileSync(path.join(REPO_ROOT, 'personas', product, name)),
      ]);
  return out;
}

const FILES: Array<[string, Uint8Array]> = [
  ...shippedPersonas(),
  ...[...generated.personaFiles, ...generated.invalid.map((i) => i.file)]
    .filter((file) => file.startsWith('personas/'))
    .map((file): [string, Uint8Array] => [file, readFileSync(path.join(generated.root, file))]),
  // Every persona rule's cases: BOMs, CRLF, odd layouts, lists at the top, syntax errors.
  ...RULE_CASES.flatMap((c) =>
    Object.entries(c.files)
      .filter(([file]) => file.startsWith('personas/'))
      .map(([file, content]): [string, Uint8Array] => [
        file,
        typeof content === 'string' ? Buffer.from(content.replace('«', '')) : content,
      ]),
  ),
];

describe('personaDataOf: a persona’s data without checking it again', () => {
  it('is exactly the data validation gives, with the fast YAML path and without', () => {
    let readable = 0;
    for (const [file, bytes] of FILES) {
      const checked = checkPersonaFile(file, bytes, validatePersona).data;
      expect([file, personaDataOf(file, bytes)]).toEqual([file, checked]);
      expect([file, personaDataOf(file, bytes, fastParse)]).toEqual([file, checked]);
      if (checked) readable++;
    }
    // Both kinds are there: files that read and files that don't.
    expect(readable).toBeGreaterThan(80);
    expect(FILES.length - readable).toBeGreaterThan(3);
  });
});

describe('reloadPersona', () => {
  const file = generated.personaFiles[0] as string;
  const root = path.join(tmp, 'copy');

  it('reads the persona as validated while its bytes still have the validated hash', () => {
    const bytes = readFileSync(path.join(generated.root, file));
    const data = checkPersonaFile(file, bytes, validatePersona).data as Record<string, unknown>;
    expect(reloadPersona(generated.root, { file, hash: contentHash(bytes) })).toEqual(
      toCataloguePersona(file, data),
    );
  });

  it('stops at a file changed since it was validated, or gone', () => {
    const bytes = readFileSync(path.join(generated.root, file));
    writeFileSync(path.join(tmp, 'changed.yaml'), `${bytes.toString()}\n`);
    const hash = contentHash(bytes);
    expect(() => reloadPersona(tmp, { file: 'changed.yaml', hash })).toThrow(PersonaChangedError);
    expect(() => reloadPersona(root, { file, hash })).toThrow();
  });
});
