import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import reportSchema from '../../../schemas/report.schema.json' with { type: 'json' };
import type { PersonaReport } from '../../core/report.ts';
import { describePath } from '../schema/describe.ts';

let compiled: ValidateFunction | undefined;

function reportValidator(): ValidateFunction {
  compiled ??= new Ajv2020({ allErrors: false, strict: true, allowUnionTypes: true }).compile(reportSchema);
  return compiled;
}

export type ReportCheck = { ok: true; report: PersonaReport } | { ok: false; problem: string };

/** Checks parsed JSON against `schemas/report.schema.json`; the problem names the first offending place. */
export function validateReport(value: unknown): ReportCheck {
  const validate = reportValidator();
  if (validate(value)) return { ok: true, report: value as PersonaReport };
  return { ok: false, problem: describeFirstError(validate.errors ?? []) };
}

function describeFirstError(errors: readonly ErrorObject[]): string {
  const first = errors[0];
  if (!first) return 'the report does not match schemas/report.schema.json';
  // "`diagnostics` item 1 › `line`", not the JSON pointer `/diagnostics/0/line`: items count from 1 everywhere.
  const segments = first.instancePath
    .split('/')
    .slice(1)
    .slice(0, 8)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));
  const where = describePath(segments, 'the report');
  return `${where} ${first.message ?? 'is invalid'} (schemas/report.schema.json)`;
}
