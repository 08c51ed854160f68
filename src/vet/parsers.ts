/**
 * The parsers `vet` needs, loaded lazily and only for the kinds of file present: tree-sitter
 * (WASM) for HCL, `yaml` for YAML, momoa for JSON with positions. A short `vet` over one
 * config file never pays for tree-sitter.
 *
 * Loading a parser reads its code (a WASM module) from the package, the way `import` does; it
 * reads no user file, so the core stays free of file access.
 *
 * @module
 */
import { createRequire } from 'node:module';
import type * as Momoa from '@humanwhocodes/momoa';
import type { Language, Parser } from 'web-tree-sitter';
import type * as Yaml from 'yaml';

/** The `yaml` module. */
export type YamlModule = typeof Yaml;
/** The momoa module (JSON with positions). */
export type JsonModule = typeof Momoa;

/** A ready tree-sitter parser for Terraform's HCL dialect. */
export interface HclParser {
  /** The tree-sitter parser, with the Terraform grammar set. */
  readonly parser: Parser;
  /** The grammar. */
  readonly language: Language;
}

/** The syntaxes a file can need. */
export type Syntax = 'hcl' | 'yaml' | 'json';

/** Parsers loaded for a run; a syntax absent here was not needed. */
export interface VetParsers {
  /** HCL (`.tf`, `.tfvars`). */
  readonly hcl?: HclParser;
  /** YAML (CloudFormation, config). */
  readonly yaml?: YamlModule;
  /** JSON with positions (CloudFormation, plans, config, `.tfvars.json`). */
  readonly json?: JsonModule;
}

let hclPromise: Promise<HclParser> | undefined;

/**
 * Loads the parsers for the given syntaxes. Each is loaded once per process; tree-sitter's WASM
 * runtime and grammar take tens of milliseconds, `yaml` and momoa a few.
 */
export async function loadVetParsers(syntaxes: Iterable<Syntax>): Promise<VetParsers> {
  const wanted = new Set(syntaxes);
  const [hcl, yaml, json] = await Promise.all([
    wanted.has('hcl') ? loadHcl() : undefined,
    wanted.has('yaml') ? import('yaml') : undefined,
    wanted.has('json') ? import('@humanwhocodes/momoa') : undefined,
  ]);
  return { ...(hcl && { hcl }), ...(yaml && { yaml }), ...(json && { json }) };
}

function loadHcl(): Promise<HclParser> {
  hclPromise ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    await Parser.init();
    // The grammar package has no exports map; its main entry is a native binding we do not use,
    // so resolve the WASM file by path. The Terraform dialect is HCL plus Terraform's heredocs.
    const wasm = createRequire(import.meta.url).resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
    const language = await Language.load(wasm);
    const parser = new Parser();
    parser.setLanguage(language);
    return { parser, language };
  })();
  hclPromise.catch(() => (hclPromise = undefined));
  return hclPromise;
}
