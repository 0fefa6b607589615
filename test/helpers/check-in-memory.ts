import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileSchema } from '../../scripts/check/schema/compile-schema.ts';
import { validateFiles } from '../../scripts/check/validate-files.ts';
import type { Diagnostic } from '../../scripts/core/diagnostic.ts';
import { REPO_ROOT } from './run-cli.ts';

const validate = compileSchema(
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/persona.schema.json'), 'utf8')),
);
const validateTags = compileSchema(
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas/tags.schema.json'), 'utf8')),
);

/** Runs the pure persona pipeline on in-memory files (path → text or bytes); `tags.yaml` is the vocabulary. */
export function checkPersonas(files: Record<string, string | Uint8Array>): Diagnostic[] {
  const bytes = (file: string) => {
    const content = files[file] ?? '';
    return typeof content === 'string' ? new TextEncoder().encode(content) : content;
  };
  const personas = Object.keys(files)
    .filter((file) => file !== 'tags.yaml')
    .map((file) => ({ file, bytes: bytes(file) }));
  const vocabulary =
    files['tags.yaml'] === undefined
      ? undefined
      : { file: { file: 'tags.yaml', bytes: bytes('tags.yaml') }, validate: validateTags };
  return validateFiles({ personas, validatePersona: validate, ...(vocabulary ? { vocabulary } : {}) })
    .diagnostics;
}

export const personaValidator = validate;

/**
 * Strips one `«` marker from `text` and returns its 1-based line and column: the place a diagnostic is
 * expected to point at, written where a reader of the test can see it.
 */
export function marked(text: string): { text: string; line: number; column: number } {
  const at = text.indexOf('«');
  if (at === -1) throw new Error('fixture has no « marker');
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return { text: text.slice(0, at) + text.slice(at + 1), line, column };
}
