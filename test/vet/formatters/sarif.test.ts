import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { pathToUri, sarifLog } from '../../../src/vet/formatters/sarif.js';
import { FIXTURES } from '../helpers.js';
import { sampleInput } from './sample.js';

// The official SARIF 2.1.0 schema, vendored (see test/fixtures/vet/sarif/README.md).
const schema: object = JSON.parse(readFileSync(join(FIXTURES, 'sarif', 'sarif-2.1.0.json'), 'utf8'));
// strict is off because the schema uses keywords (`definitions` beside 2020-12 `$defs`) that
// ajv's strict mode rejects; validation itself is unaffected.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

describe('sarif format', () => {
  it('produces a log valid against the SARIF 2.1.0 schema', () => {
    const log = sarifLog(sampleInput());
    expect(validate(log) ? [] : validate.errors).toEqual([]);
  });

  it('the schema refuses what is not SARIF, so the check above can fail', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
  });

  it('validates the fixtures snapshot too', () => {
    const snapshot: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '..', '__snapshots__', 'fixtures.sarif'), 'utf8'));
    expect(validate(snapshot) ? [] : validate.errors).toEqual([]);
  });

  it('maps rules, levels, locations and suppressions', () => {
    const log = sarifLog(sampleInput()) as { runs: [{ tool: { driver: { rules: unknown[] } }; results: unknown[] }] };
    const run = log.runs[0];
    expect(run.tool.driver.rules).toEqual([
      { id: 'power-threshold', name: 'power-threshold', shortDescription: { text: 'Power' }, fullDescription: { text: 'Why power.' }, helpUri: 'https://example.test/docs/rules/power-threshold.md', defaultConfiguration: { level: 'error' } },
      { id: 'unknown-bundle', name: 'unknown-bundle', shortDescription: { text: 'Unknown bundle' }, fullDescription: { text: 'Why unknown.' }, helpUri: 'https://example.test/docs/rules/unknown-bundle.md', defaultConfiguration: { level: 'warning' } },
      { id: 'unresolved-value', name: 'unresolved-value', shortDescription: { text: 'unresolved-value' }, fullDescription: { text: 'unresolved-value' }, defaultConfiguration: { level: 'note' } },
    ]);
    expect(run.results[2]).toEqual({
      ruleId: 'unresolved-value',
      ruleIndex: 2,
      level: 'note',
      message: { text: 'not checked' },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'dir%20with%20space/t.yaml' }, region: { startLine: 9, startColumn: 7 } },
          logicalLocations: [{ fullyQualifiedName: 'Web', kind: 'resource' }],
        },
      ],
      suppressions: [{ kind: 'inSource', justification: 'set by "the" pipeline' }],
      properties: { resource: 'Web' },
    });
  });

  it('percent-encodes path segments but keeps relative steps', () => {
    expect(pathToUri('../a b/c#d.tf')).toBe('../a%20b/c%23d.tf');
  });
});
