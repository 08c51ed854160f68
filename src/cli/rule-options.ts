/**
 * The rule flags shared by check, recommend, matrix and vet: `--rules FILE|DIR` (repeatable),
 * `--rule ID=off|error|warning|info` (repeatable, as ESLint's), `--include-inactive`.
 *
 * @module
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatDiagnostic } from '../diagnostics.js';
import { builtinRules } from '../rules/builtin-rules.js';
import type { RuleOptions, RuleSetting } from '../rules/evaluator.js';
import { loadRules, type RuleSource } from '../rules/load-rules.js';
import { didYouMean } from '../util/did-you-mean.js';
import { VET_CHECKS } from '../vet/check-metadata.js';
import { flag, listOption, type OptionSpecs, type ParsedArgs } from './args.js';
import { InputError, UsageError } from './errors.js';
import { describeFsError, INPUT_LIMITS, readUserFile, type CliIo } from './io.js';

/** The rule flags. */
export const RULE_OPTION_SPECS: OptionSpecs = {
  rules: { type: 'string', multiple: true },
  rule: { type: 'string', multiple: true },
  'include-inactive': { type: 'boolean' },
};

/** Help text for the rule flags. */
export const RULE_OPTIONS_HELP = `  --rules FILE|DIR     add policy rules (json-rules-engine JSON, one rule per file; a
                       directory adds every *.json in it); repeatable
  --rule ID=SEVERITY   set a rule's (or vet check's) severity: off, error, warning or
                       info; repeatable
  --include-inactive   allow inactive blueprints and bundles (turns off blueprint-active
                       and bundle-active)`;

const SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info'];

/** Most rule files read from one directory. */
const MAX_RULE_FILES_PER_DIRECTORY = 1000;

/**
 * Reads the rule flags: loads and validates `--rules` files (any problem is an {@link InputError}
 * naming the file, the rule and what is wrong) and checks `--rule` settings against the rules
 * that exist.
 */
export async function resolveRuleOptions(io: CliIo, parsed: ParsedArgs): Promise<RuleOptions> {
  const sources: RuleSource[] = [];
  for (const path of listOption(parsed, 'rules')) {
    for (const file of await ruleFilesAt(io, path)) {
      const { name, text } = await readUserFile(io, file, INPUT_LIMITS.ruleBytes, 'rule');
      sources.push({ name, text });
    }
  }
  const builtinIds = builtinRules().map((r) => r.id);
  const { rules, diagnostics } = loadRules(sources, { source: 'user', existingIds: builtinIds });
  if (diagnostics.length > 0) {
    for (const d of diagnostics.slice(0, -1)) io.stderr.write(`lightsail-compat: ${formatDiagnostic(d)}\n`);
    throw new InputError(formatDiagnostic(diagnostics[diagnostics.length - 1]!));
  }
  // vet's own checks take --rule too; the commands without them ignore their settings.
  const known = [...builtinIds, ...rules.map((r) => r.id), ...VET_CHECKS.map((c) => c.id)];
  const severity: Record<string, RuleSetting> = {};
  for (const setting of listOption(parsed, 'rule')) {
    const match = /^([^=]+)=(.*)$/.exec(setting);
    if (!match) throw new UsageError(`--rule ${JSON.stringify(setting)}: expected ID=off|error|warning|info`);
    const id = match[1]!.trim();
    const value = match[2]!.trim();
    if (!known.includes(id)) {
      const near = didYouMean(id, known, 1);
      throw new UsageError(`--rule ${setting}: there is no rule ${id}` + (near.length > 0 ? `; did you mean ${near[0]}?` : '') + ' (see `lightsail-compat rules list`)');
    }
    if (!(SETTINGS as readonly string[]).includes(value)) {
      throw new UsageError(`--rule ${setting}: severity must be one of ${SETTINGS.join(', ')}`);
    }
    severity[id] = value as RuleSetting;
  }
  return {
    ...(rules.length > 0 && { rules }),
    ...(Object.keys(severity).length > 0 && { severity }),
    ...(flag(parsed, 'include-inactive') && { includeInactive: true }),
  };
}

/** A file as is, or the `*.json` files of a directory (recursively, sorted). */
async function ruleFilesAt(io: CliIo, path: string): Promise<string[]> {
  if (path === '-') return [path];
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(resolve(io.cwd, path))).isDirectory();
  } catch (error) {
    throw new InputError(`--rules ${path}: ${describeFsError(error)}`);
  }
  if (!isDirectory) return [path];
  const names = (await readdir(resolve(io.cwd, path), { recursive: true })).filter((n) => n.endsWith('.json')).sort();
  const files: string[] = [];
  for (const name of names) {
    if ((await stat(resolve(io.cwd, path, name))).isFile()) files.push(join(path, name));
  }
  if (files.length === 0) throw new InputError(`--rules ${path}: the directory has no *.json rule files`);
  if (files.length > MAX_RULE_FILES_PER_DIRECTORY) {
    throw new InputError(`--rules ${path}: more than ${MAX_RULE_FILES_PER_DIRECTORY} rule files; is this the right directory?`);
  }
  return files;
}
