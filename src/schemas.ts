/**
 * Typed access to the precompiled JSON Schema validators (see `schemas/` and
 * `src/build/generate.mjs`). Validators are generated ahead of time with ajv's standalone mode,
 * so nothing is compiled at start-up.
 *
 * @module
 */
import * as generated from './generated/validators.js';

/** One JSON Schema violation, as ajv reports it. */
export interface SchemaError {
  /** JSON Pointer to the offending value. */
  readonly instancePath: string;
  /** Schema keyword that failed, such as `type` or `required`. */
  readonly keyword: string;
  /** Keyword parameters, such as `{ type: 'number' }` or `{ missingProperty: 'bundleId' }`. */
  readonly params: Readonly<Record<string, unknown>>;
  /** ajv's own message. */
  readonly message?: string;
}

/** A compiled validator: returns whether `data` is valid and leaves the problems in `errors`. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: readonly SchemaError[] | null;
}

/** Validates the normalized catalog file (`schemas/catalog.schema.json`). */
export const validateCatalogFile = generated.validateCatalog as SchemaValidator;
/** Validates one page of GetBlueprints output (`schemas/get-blueprints-output.schema.json`). */
export const validateGetBlueprintsOutput = generated.validateGetBlueprintsOutput as SchemaValidator;
/** Validates one page of GetBundles output (`schemas/get-bundles-output.schema.json`). */
export const validateGetBundlesOutput = generated.validateGetBundlesOutput as SchemaValidator;

/** Validates one rule file (`schemas/rule.schema.json`). */
export const validateRuleFile = generated.validateRule as SchemaValidator;

/** Runs a validator and returns its errors (empty when valid). */
export function schemaErrors(validator: SchemaValidator, data: unknown): readonly SchemaError[] {
  return validator(data) ? [] : (validator.errors ?? []);
}

/** Describes a value for a message: its JSON type and a short rendering. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  // JSON.stringify writes Infinity (a JSON number too large for a double) as null.
  const rendered = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? typeof value);
  return `${typeof value} ${rendered.length > 40 ? rendered.slice(0, 37) + '...' : rendered}`;
}

/** Turns a schema error into one readable sentence about the value at its path. */
export function describeSchemaError(error: SchemaError, value: unknown): string {
  const member = error.instancePath.split('/').pop() || 'the document';
  switch (error.keyword) {
    case 'type':
      return `${member} must be ${article(String(error.params['type']))}, got ${describeValue(value)}`;
    case 'required':
      return `missing required member ${String(error.params['missingProperty'])}`;
    case 'additionalProperties':
      return `unknown member ${String(error.params['additionalProperty'])}`;
    case 'minLength':
      return `${member} must not be empty`;
    case 'const':
      return `${member} must be ${JSON.stringify(error.params['allowedValue'])}, got ${describeValue(value)}`;
    case 'enum':
      return `${member} must be one of ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(value)}`;
    default:
      return `${member} ${error.message ?? 'is invalid'}`;
  }
}

function article(type: string): string {
  return (/^[aeiou]/.test(type) ? 'an ' : 'a ') + type;
}

/** Reads the value a JSON Pointer designates, or `undefined`. Only own members are followed. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
