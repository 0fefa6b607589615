import type { Diagnostic } from '../../scripts/core/diagnostic.ts';

/**
 * A diagnostic no rule makes, planted in a store or a twin's facts: seeing it in a result shows that the result
 * was taken from there rather than checked again.
 */
export function plantedDiagnostic(file: string, message: string): Diagnostic {
  return {
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'warning',
    rule: 'lint/placeholder',
    message,
    hint: '',
    url: '',
  };
}
