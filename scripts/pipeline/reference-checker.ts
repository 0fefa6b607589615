import path from 'node:path';
import { checkContributionFile } from '../check/contribution/check-contribution-file.ts';
import { compareWithPersonas } from '../check/contribution/check-contributions.ts';
import type { LibraryChecker } from '../check/library-checker.ts';
import { checkPersonaFile } from '../check/persona/check-persona-file.ts';
import type { SchemaValidator } from '../check/schema/compile-schema.ts';
import { DEFAULT_SETTINGS, type LintSettings } from '../core/lint-settings.ts';
import { readCapped } from '../read/read-library.ts';

export interface CheckerSchemas {
  persona: SchemaValidator;
  contribution: SchemaValidator;
  /** The library's lint settings (persona.config.yaml); the defaults when absent. */
  settings?: LintSettings;
}

/**
 * The reference checker: every file read and checked in full on this thread, nothing remembered. The
 * accelerator must give the same answers, faster.
 */
export function referenceChecker(root: string, schemas: CheckerSchemas): LibraryChecker {
  const read = (file: string) => readCapped(path.join(root, file));
  const settings = schemas.settings ?? DEFAULT_SETTINGS;
  const dataOf = (file: string) => checkPersonaFile(file, read(file), schemas.persona, { settings }).data;
  return {
    personas: async (files, { keepData, keepDataFor = [] }) => {
      const wanted = new Set(keepDataFor);
      return files.map((file) => {
        const facts = checkPersonaFile(file, read(file), schemas.persona, { settings });
        const keep =
          keepData !== false ||
          wanted.has(facts.identity.slug ?? '\0') ||
          wanted.has(facts.identity.id ?? '\0');
        return keep ? facts : { ...facts, data: null };
      });
    },
    contributions: async (files) =>
      files.map((file) => checkContributionFile(file, read(file), schemas.contribution, { settings })),
    compare: async (planned, personas) => {
      const held = new Map(personas.flatMap((p) => (p.data ? [[p.file, p.data] as const] : [])));
      const needed = new Map<string, Record<string, unknown>>();
      for (const { target } of planned) {
        const data = held.get(target.file) ?? dataOf(target.file);
        if (data) needed.set(target.file, data);
      }
      return compareWithPersonas(planned, needed, schemas.persona);
    },
    dataOf,
  };
}
