import { describe, expect, it } from 'vitest';
import { formatJson } from '../../../src/vet/formatters/json.js';
import { formatText } from '../../../src/vet/formatters/text.js';
import { sampleInput } from './sample.js';

describe('text format', () => {
  it('prints file:line:col severity rule-id, the resource and the message, then a summary', () => {
    expect(formatText(sampleInput())).toBe(
      [
        'infra/main.tf:4:3 error power-threshold aws_lightsail_instance.web: bundle micro_win_3_0 has power 500; needs 1000 (cheapest compatible bundle: small_win_3_0, $22.00/month)',
        'infra/main.tf:5:3 warning unknown-bundle aws_lightsail_instance.web: bundle a|b <c> is 100% wrong,\nreally: yes [ap-south-1]',
        'dir with space/t.yaml:9:7 info unresolved-value Web: not checked (suppressed: set by "the" pipeline)',
        '1 error, 1 warning, 0 notes, 1 suppressed: 3 resources in 2 files',
        '',
      ].join('\n'),
    );
  });
});

describe('json format', () => {
  it('prints the findings as they are and a summary with the threshold and the outcome', () => {
    const report = JSON.parse(formatJson(sampleInput({ failOn: 'none' })));
    expect(report.summary).toEqual({ filesScanned: 2, resources: 3, errors: 1, warnings: 1, infos: 0, suppressed: 1, failOn: 'none', failed: false });
    expect(report.findings).toEqual(sampleInput().result.findings);
  });
});
