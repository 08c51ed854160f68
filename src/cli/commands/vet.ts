/**
 * `lightsail-compat vet [PATH...]`: the CI check. Finds Terraform files, Terraform plans,
 * CloudFormation templates and lightsail-compat configs, reads them within size limits, and
 * hands their text to the pure core (`vetSources`); prints the report and sets the exit code.
 *
 * @module
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { Catalog } from '../../catalog/model.js';
import { formatDiagnostic } from '../../diagnostics.js';
import { listRules, ruleDocsUrl } from '../../rules/index.js';
import { VERSION } from '../../version.js';
import { VET_CHECKS } from '../../vet/check-metadata.js';
import type { UnknownSetting } from '../../vet/checks.js';
import { isCandidateFileName } from '../../vet/detect.js';
import { FAIL_ON_VALUES, formatReport, runFails, VET_FORMATS, type RuleDescriptor } from '../../vet/formatters/index.js';
import { formatText } from '../../vet/formatters/text.js';
import { loadVetParsers } from '../../vet/parsers.js';
import { isAutoTfvars } from '../../vet/sources/terraform.js';
import type { VetSource } from '../../vet/types.js';
import { checkParsedSources, instanceRegions, parseVetSources, syntaxesFor, type RegionCatalog } from '../../vet/vet-files.js';
import { choiceOption, listOption, parseCommandArgs, type ParsedArgs } from '../args.js';
import { CATALOG_OPTION_SPECS, CATALOG_OPTIONS_HELP, resolveCatalog, resolveCatalogForRegion } from '../catalog-source.js';
import { EXIT, InputError, UsageError } from '../errors.js';
import { stylesFor } from '../format.js';
import { describeFsError, formatBytes, INPUT_LIMITS, readUserFile, type CliIo } from '../io.js';
import { RULE_OPTION_SPECS, RULE_OPTIONS_HELP, resolveRuleOptions } from '../rule-options.js';

/** Help for `vet`. */
export const usage = `Usage: lightsail-compat vet [PATH...] [options]

Checks every Lightsail instance in Terraform (*.tf, with terraform.tfvars and *.auto.tfvars),
Terraform plans (terraform show -json), CloudFormation templates (JSON or YAML) and
lightsail-compat.yaml/.json configs: unknown ids, every pair rule, IP address type, access
protocol, Windows password retrieval. Values known only at apply time are reported, not skipped.
Directories are searched recursively, skipping node_modules, .git and .terraform (default: .).

Options:
  --format FORMAT      text (default), json, sarif, junit, github (workflow annotations) or
                       markdown (a pull-request comment)
  --fail-on LEVEL      exit 1 on an unsuppressed finding of this severity or above: error
                       (default), warning, info, or none
  --unknown LEVEL      severity of unknown-blueprint and unknown-bundle: error (default),
                       warning, or off (catalogs go stale and differ by region)
  --var-file FILE      Terraform variable values for the root modules, as terraform -var-file
                       (.tfvars or .tfvars.json); repeatable, later files win
  --regions R1,R2      check every instance against each region's catalog; findings carry
                       the region; repeatable
${CATALOG_OPTIONS_HELP}
${RULE_OPTIONS_HELP}

Suppress a finding with a comment inside the resource or on the line above it,
  # lightsail-compat-ignore RULE_ID: reason
with Metadata.lightsail-compat.ignore in CloudFormation, or an ignore list in the config.
Suppressed findings stay in every report and never fail the run.

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error (a file that
cannot be parsed included). See docs/vet.md.
`;

/** Directories a walk never enters. */
export const SKIPPED_DIRECTORIES: readonly string[] = ['node_modules', '.git', '.terraform'];

/** Most files one walk may read, so a mistaken `vet /` stops with a message. */
const MAX_WALKED_FILES = 20_000;

/** Runs `vet`. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('vet', args, {
    ...CATALOG_OPTION_SPECS,
    ...RULE_OPTION_SPECS,
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    unknown: { type: 'string' },
    'var-file': { type: 'string', multiple: true },
    regions: { type: 'string', multiple: true },
  });
  const format = choiceOption(parsed, 'format', VET_FORMATS) ?? 'text';
  const failOn = choiceOption(parsed, 'fail-on', FAIL_ON_VALUES) ?? 'error';
  const unknown: UnknownSetting = choiceOption(parsed, 'unknown', ['error', 'warning', 'off'] as const) ?? 'error';
  const regions = [...new Set(listOption(parsed, 'regions', true))];
  const ruleOptions = await resolveRuleOptions(io, parsed);

  const sources = await discoverSources(io, parsed.positionals.length > 0 ? parsed.positionals : ['.']);
  const varFiles: VetSource[] = [];
  for (const path of listOption(parsed, 'var-file')) {
    const { text } = await readUserFile(io, path, INPUT_LIMITS.sourceBytes, 'Terraform variables');
    varFiles.push({ name: displayName(io, resolve(io.cwd, path)), text, explicit: true });
  }

  const parsers = await loadVetParsers(syntaxesFor(sources, varFiles));
  const parsedSources = parseVetSources(sources, parsers, varFiles);
  if (parsedSources.errors.length > 0) {
    for (const d of parsedSources.errors.slice(0, -1)) io.stderr.write(`lightsail-compat: ${formatDiagnostic(d)}\n`);
    throw new InputError(formatDiagnostic(parsedSources.errors[parsedSources.errors.length - 1]!));
  }

  const byRegion = new Map<string, RegionCatalog>();
  let catalog: Catalog;
  if (regions.length > 0) {
    // Each region asked for must have a catalog: a missing one is an input error.
    for (const region of regions) byRegion.set(region, await resolveCatalogForRegion(io, parsed, region));
    catalog = byRegion.get(regions[0]!) as Catalog;
  } else {
    catalog = await resolveCatalog(io, parsed);
    for (const region of instanceRegions(parsedSources)) {
      if (catalog.metadata.region === undefined || catalog.metadata.region === region) byRegion.set(region, catalog);
      else byRegion.set(region, await optionalRegionCatalog(io, parsed, region));
    }
  }

  const result = checkParsedSources(parsedSources, {
    catalog,
    catalogForRegion: (region) => byRegion.get(region),
    ...(regions.length > 0 && { regions }),
    ruleOptions,
    unknown,
  });
  const rules: RuleDescriptor[] = [
    ...VET_CHECKS.map((c) => ({
      id: c.id,
      title: c.title,
      rationale: c.rationale,
      severity: ruleOptions.severity?.[c.id] ?? (c.id === 'unknown-blueprint' || c.id === 'unknown-bundle' ? unknown : c.defaultSeverity),
      docsUrl: ruleDocsUrl(c.id),
    })),
    ...listRules(ruleOptions).map((r) => ({ id: r.id, title: r.title, rationale: r.rationale, severity: r.severity, ...(r.docsUrl !== undefined && { docsUrl: r.docsUrl }) })),
  ];
  const input = { result, failOn, rules, version: VERSION };
  if (format === 'text') {
    const s = stylesFor(io, io.stdout);
    const paint = { error: s.red, warning: s.yellow, info: s.dim } as const;
    io.stdout.write(formatText(input, { severity: (severity, text) => paint[severity](text), dim: s.dim }));
  } else io.stdout.write(formatReport(format, input));
  return runFails(result, failOn) ? EXIT.findings : EXIT.ok;
}

/** A config instance's region catalog, or why there is none (a finding, not an error). */
async function optionalRegionCatalog(io: CliIo, parsed: ParsedArgs, region: string): Promise<RegionCatalog> {
  try {
    return await resolveCatalogForRegion(io, parsed, region);
  } catch (error) {
    // The finding already says "no catalog for REGION"; keep only the reason.
    if (error instanceof InputError || error instanceof UsageError) return { unavailable: error.message.replace(`no catalog for ${region}: `, '') };
    throw error;
  }
}

/** A path as findings show it: relative to the working directory, with `/`. */
function displayName(io: CliIo, full: string): string {
  const rel = relative(io.cwd, full);
  return (rel === '' ? basename(full) : rel).split(sep).join('/');
}

/**
 * The files named on the command line, and the candidate files under each directory named,
 * read as text. Named files must be readable and within the size limit; in a walk, files over
 * the limit are skipped with a note.
 */
async function discoverSources(io: CliIo, paths: readonly string[]): Promise<VetSource[]> {
  const seen = new Set<string>();
  const sources: VetSource[] = [];
  for (const path of paths) {
    const full = resolve(io.cwd, path);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(full)).isDirectory();
    } catch (error) {
      throw new InputError(`${path}: ${describeFsError(error)}`);
    }
    if (!isDirectory) {
      if (seen.has(full)) continue;
      seen.add(full);
      const name = displayName(io, full);
      if (/\.tfvars(\.json)?$/.test(name) && !isAutoTfvars(name)) {
        throw new UsageError(`${path}: Terraform loads this variables file only when asked; pass it with --var-file ${path}`);
      }
      const { text } = await readUserFile(io, path, INPUT_LIMITS.sourceBytes, 'source');
      sources.push({ name, text, explicit: true });
      continue;
    }
    const before = sources.length;
    await walk(io, full, seen, sources, false);
    if (sources.length === before) {
      throw new InputError(`${path}: no Terraform, Terraform plan, CloudFormation or lightsail-compat config files found (looked for ${['*.tf', '*.json', '*.yaml', '*.yml', '*.template'].join(', ')})`);
    }
  }
  // A named .tf file is read with the rest of its module (variables, locals, tfvars), as
  // Terraform reads a directory; only the named file's instances are reported.
  const moduleDirs = new Set(sources.filter((s) => s.explicit === true && s.name.endsWith('.tf')).map((s) => dirname(resolve(io.cwd, s.name))));
  for (const dir of [...moduleDirs].sort()) await walk(io, dir, seen, sources, true);
  return sources;
}

async function walk(io: CliIo, dir: string, seen: Set<string>, out: VetSource[], moduleContext: boolean): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new InputError(`${displayName(io, dir)}: ${describeFsError(error)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = resolve(dir, entry.name);
    // Symbolic links are not followed: a link back up the tree would never end.
    if (entry.isDirectory()) {
      if (!moduleContext && !SKIPPED_DIRECTORIES.includes(entry.name)) await walk(io, full, seen, out, false);
      continue;
    }
    if (!entry.isFile() || !isCandidateFileName(entry.name) || seen.has(full)) continue;
    if (moduleContext && !entry.name.endsWith('.tf') && !isAutoTfvars(entry.name)) continue;
    if (/\.tfvars(\.json)?$/.test(entry.name) && !isAutoTfvars(entry.name)) continue;
    seen.add(full);
    if (seen.size > MAX_WALKED_FILES) throw new InputError(`${displayName(io, dir)}: more than ${MAX_WALKED_FILES} candidate files; name the directories to vet`);
    const name = displayName(io, full);
    try {
      const info = await stat(full);
      if (info.size > INPUT_LIMITS.sourceBytes) {
        io.stderr.write(`lightsail-compat: skipped ${name}: ${formatBytes(info.size)} is over the ${formatBytes(INPUT_LIMITS.sourceBytes)} limit\n`);
        continue;
      }
      out.push({ name, text: await readFile(full, 'utf8'), ...(moduleContext && { contextOnly: true }) });
    } catch (error) {
      throw new InputError(`${name}: ${describeFsError(error)}`);
    }
  }
}
