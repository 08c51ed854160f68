import type { ReportInput } from '../../../src/vet/formatters/common.js';
import type { Finding } from '../../../src/vet/types.js';

const base = { file: 'infra/main.tf', resource: 'aws_lightsail_instance.web', suppressed: false } as const;

/** Findings that exercise every optional member and every character a format must escape. */
export const FINDINGS: readonly Finding[] = [
  { ...base, ruleId: 'power-threshold', severity: 'error', message: 'bundle micro_win_3_0 has power 500; needs 1000', line: 4, column: 3, suggestion: { bundleId: 'small_win_3_0', price: 22 } },
  { ...base, ruleId: 'unknown-bundle', severity: 'warning', message: 'bundle a|b <c> is 100% wrong,\nreally: yes', line: 5, column: 3, region: 'ap-south-1' },
  { ...base, file: 'dir with space/t.yaml', resource: 'Web', ruleId: 'unresolved-value', severity: 'info', message: 'not checked', line: 9, column: 7, suppressed: true, suppressionReason: 'set by "the" pipeline' },
];

/** A report input over {@link FINDINGS}. */
export function sampleInput(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    result: {
      errors: [],
      findings: FINDINGS,
      resources: [
        { file: 'infra/main.tf', resource: 'aws_lightsail_instance.web', line: 1, column: 1 },
        { file: 'infra/main.tf', resource: 'aws_lightsail_instance.ok', line: 10, column: 1 },
        { file: 'dir with space/t.yaml', resource: 'Web', line: 3, column: 3 },
      ],
      summary: { filesScanned: 2, resources: 3, errors: 1, warnings: 1, infos: 0, suppressed: 1 },
    },
    failOn: 'error',
    rules: [
      { id: 'power-threshold', title: 'Power', rationale: 'Why power.', severity: 'error', docsUrl: 'https://example.test/docs/rules/power-threshold.md' },
      { id: 'unknown-bundle', title: 'Unknown bundle', rationale: 'Why unknown.', severity: 'warning', docsUrl: 'https://example.test/docs/rules/unknown-bundle.md' },
    ],
    version: '9.9.9',
    ...overrides,
  };
}
