import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import * as formatsModule from 'ajv-formats';

/** What the checks use of a compiled schema: call it, read its `errors`, read the schema back for messages. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
  schemaDocument: SchemaNode;
}

/** The subset of JSON Schema we read back when explaining an error. */
export interface SchemaNode {
  description?: string;
  patternErrorMessage?: string;
  properties?: Record<string, SchemaNode>;
  enum?: unknown[];
  type?: string | string[];
  [key: string]: unknown;
}

// ajv-formats is CommonJS with a default export; under NodeNext the callable sits on `.default`.
const addFormats = ((formatsModule as unknown as { default: { default?: unknown } }).default.default ??
  (formatsModule as unknown as { default: unknown }).default) as (ajv: Ajv2020, formats: string[]) => void;

/**
 * Compiles once per process. `verbose` keeps each error's schema so messages can quote descriptions
 * instead of ajv's wording; `patternErrorMessage` is an annotation shared with editors (yaml-language-server).
 */
export function compileSchema(schema: object): SchemaValidator {
  // `unicode: false` counts string length in UTF-16 units (O(1)) instead of walking every string to count code
  // points; the caps are generous limits, and the too-long message counts the same way.
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    verbose: true,
    allowUnionTypes: true,
    unicode: false,
    logger: false,
    // The optimisation pass is a fifth of compile time (paid by every thread on every run) and made no
    // measurable difference to validating 10,000 personas.
    code: { optimize: false },
  });
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  addFormats(ajv, ['date', 'uri']);
  return Object.assign(ajv.compile(schema), { schemaDocument: schema as SchemaNode });
}

/**
 * The same validator, compiled on its first call. Compiling costs tens of milliseconds per schema and thread,
 * and a run whose files of one kind all come from the cache never validates one of that kind.
 */
export function compileSchemaOnFirstUse(schema: object): SchemaValidator {
  let compiled: SchemaValidator | undefined;
  const validate: SchemaValidator = Object.assign(
    (data: unknown) => {
      compiled ??= compileSchema(schema);
      const valid = compiled(data);
      validate.errors = compiled.errors;
      return valid;
    },
    { schemaDocument: schema as SchemaNode },
  );
  return validate;
}

export type { ErrorObject };
