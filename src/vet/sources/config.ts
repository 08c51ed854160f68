/**
 * The project's own config, `lightsail-compat.yaml` / `.json` (`schemas/config.schema.json`):
 * `instances` to check and `ignore` lists.
 *
 * @module
 */
import { posix } from 'node:path';
import type { Diagnostic } from '../../diagnostics.js';
import * as generated from '../../generated/validators.js';
import { describeSchemaError, schemaErrors, valueAtPointer, type SchemaValidator } from '../../schemas.js';
import { suppressionsFor, type SourceComment } from '../suppression.js';
import type { AttributeValue, Finding, Suppression, VetInstance } from '../types.js';
import { get, getEntry, nodeAtPointer, scalarString, toPlain, type PNode } from './positioned.js';

/** Validates a config document (`schemas/config.schema.json`). */
export const validateConfigDocument = generated.validateConfig as SchemaValidator;

/** File names that are read as the config. */
export const CONFIG_FILE_NAMES: readonly string[] = ['lightsail-compat.yaml', 'lightsail-compat.yml', 'lightsail-compat.json'];

/** Whether a file name is a config file. */
export function isConfigFileName(name: string): boolean {
  return CONFIG_FILE_NAMES.includes(posix.basename(name));
}

/** A config-level suppression: applies to findings in files under `dir`, optionally one resource. */
export interface ScopedSuppression {
  /** The config file's directory (`.` for the working directory). */
  readonly dir: string;
  /** Only findings about this resource, when set. */
  readonly resource?: string;
  /** The rule and reason. */
  readonly suppression: Suppression;
}

/** What a config file holds. */
export interface ConfigContent {
  /** Its instances. */
  readonly instances: readonly VetInstance[];
  /** Its top-level ignore list. */
  readonly scoped: readonly ScopedSuppression[];
  /** Schema violations, as input errors with positions; the content is empty when there are any. */
  readonly errors: readonly Diagnostic[];
}

const ATTRIBUTES = ['blueprint', 'bundle', 'ipAddressType', 'keyPair', 'accessProtocol', 'region'] as const;

/**
 * Reads a parsed config document: validates it, then lists its instances and suppressions.
 * `comments` are the YAML comments, for `# lightsail-compat-ignore` above or inside an instance.
 */
export function configContent(file: string, root: PNode, comments: readonly SourceComment[] = []): ConfigContent {
  const plain = toPlain(root);
  const errors = schemaErrors(validateConfigDocument, plain);
  if (errors.length > 0) {
    const diagnostics = errors.slice(0, 20).map((e): Diagnostic => {
      const parent = nodeAtPointer(root, e.instancePath);
      // Point at the offending key itself where the error names one.
      const key = e.keyword === 'additionalProperties' ? getEntry(parent, String(e.params['additionalProperty'])) : undefined;
      const node = key ? { pos: key.keyPos } : parent;
      return {
        severity: 'error',
        code: 'invalid-config',
        message: describeSchemaError(e, valueAtPointer(plain, e.instancePath)),
        source: file,
        pointer: e.instancePath,
        line: node.pos.line,
        column: node.pos.column,
      };
    });
    return { instances: [], scoped: [], errors: diagnostics };
  }
  const instances: VetInstance[] = [];
  const list = get(root, 'instances');
  for (const item of list?.kind === 'seq' ? list.items : []) {
    const attrs: Partial<Record<(typeof ATTRIBUTES)[number], AttributeValue>> = {};
    for (const name of ATTRIBUTES) {
      const entry = getEntry(item, name);
      const value = scalarString(entry?.value);
      if (entry && value !== undefined) attrs[name] = { name, ...entry.keyPos, candidates: [{ value }] };
    }
    instances.push({
      file,
      sourceKind: 'config',
      resource: scalarString(get(item, 'name')) ?? '',
      ...item.pos,
      endLine: item.endLine,
      ...attrs,
      ipAddressTypeSettable: true,
      suppressions: [...ignoreList(file, get(item, 'ignore')).map((s) => s.suppression), ...suppressionsFor(comments, file, item.pos.line, item.endLine)],
    });
  }
  return { instances, scoped: ignoreList(file, get(root, 'ignore')), errors: [] };
}

function ignoreList(file: string, node: PNode | undefined): ScopedSuppression[] {
  if (node?.kind !== 'seq') return [];
  const dir = posix.dirname(file);
  return node.items.map((item) => {
    const rule = scalarString(get(item, 'rule'))?.trim() ?? '';
    const reason = scalarString(get(item, 'reason'))?.trim() ?? '';
    const resource = scalarString(get(item, 'resource'));
    return {
      dir,
      ...(resource !== undefined && { resource }),
      suppression: { file, ...item.pos, rules: rule !== '' ? [rule] : [], ...(reason !== '' && { reason }) },
    };
  });
}

/** Whether a config-level suppression covers a finding: same rule, file under its directory, resource if given. */
export function scopedSuppressionCovers(scoped: ScopedSuppression, finding: Finding): boolean {
  if (!scoped.suppression.rules.includes(finding.ruleId)) return false;
  if (scoped.resource !== undefined && scoped.resource !== finding.resource) return false;
  if (scoped.dir === '.') return !finding.file.startsWith('../');
  return finding.file.startsWith(scoped.dir + '/');
}
