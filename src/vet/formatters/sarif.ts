/**
 * SARIF 2.1.0, for GitHub code scanning and other viewers: rules with help links from the rule
 * metadata, one result per finding, suppressed findings with an in-source suppression.
 *
 * @module
 */
import type { Severity } from '../../diagnostics.js';
import type { Finding } from '../types.js';
import type { ReportInput, RuleDescriptor } from './common.js';
import { REPOSITORY_URL } from '../../rules/rule-docs.js';

/** The `$schema` the log declares. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Where the tool is documented. */
export const TOOL_INFORMATION_URI = `${REPOSITORY_URL}/blob/main/docs/vet.md`;

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

function level(severity: Severity | 'off'): SarifLevel {
  return severity === 'off' ? 'none' : severity === 'info' ? 'note' : severity;
}

/** A relative path as a URI reference: each segment percent-encoded. */
export function pathToUri(path: string): string {
  return path.split('/').map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s))).join('/');
}

/** The SARIF log as a value. */
export function sarifLog(input: ReportInput): Record<string, unknown> {
  const rules: RuleDescriptor[] = [...input.rules];
  for (const f of input.result.findings) {
    if (!rules.some((r) => r.id === f.ruleId)) rules.push({ id: f.ruleId, title: f.ruleId, rationale: f.ruleId, severity: f.severity });
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'lightsail-compat',
            version: input.version,
            informationUri: TOOL_INFORMATION_URI,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.title },
              fullDescription: { text: r.rationale },
              ...(r.docsUrl !== undefined && { helpUri: r.docsUrl }),
              defaultConfiguration: { level: level(r.severity) },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: input.result.findings.map((f) => result(f, index.get(f.ruleId) ?? 0)),
      },
    ],
  };
}

function result(f: Finding, ruleIndex: number): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: level(f.severity),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: pathToUri(f.file) }, region: { startLine: f.line, startColumn: f.column } },
        logicalLocations: [{ fullyQualifiedName: f.resource, kind: 'resource' }],
      },
    ],
    ...(f.suppressed && { suppressions: [{ kind: 'inSource', ...(f.suppressionReason !== undefined && { justification: f.suppressionReason }) }] }),
    properties: {
      resource: f.resource,
      ...(f.region !== undefined && { region: f.region }),
      ...(f.suggestion && { suggestion: f.suggestion }),
    },
  };
}

/** The SARIF log, pretty-printed. */
export function formatSarif(input: ReportInput): string {
  return JSON.stringify(sarifLog(input), null, 2) + '\n';
}
