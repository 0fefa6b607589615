/**
 * The floor: the least any validator must do with these files. Read every persona file, `yaml.parseDocument` it
 * and run the persona schema compiled with the project's own ajv options. No positions, no cross-file rules, no
 * report. Prints `{"files":…,"valid":…,"invalid":…}`. Usage: node floor.mjs <library root>
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { compileSchema } from '../scripts/check/schema/compile-schema.ts';

const root = path.resolve(process.argv[2] ?? '.');
const schema = JSON.parse(readFileSync(path.join(root, 'schemas', 'persona.schema.json'), 'utf8')) as object;
const validate = compileSchema(schema);

const files: string[] = [];
const walk = (dir: string) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.isFile() && entry.name.endsWith('.yaml')) files.push(full);
  }
};
walk(path.join(root, 'personas'));

let valid = 0;
for (const file of files) {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (doc.errors.length === 0 && validate(doc.toJS())) valid++;
}
process.stdout.write(`${JSON.stringify({ files: files.length, valid, invalid: files.length - valid })}\n`);
