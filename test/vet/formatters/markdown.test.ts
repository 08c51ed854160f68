import { describe, expect, it } from 'vitest';
import { escapeCell, formatMarkdown } from '../../../src/vet/formatters/markdown.js';
import { sampleInput } from './sample.js';

describe('markdown format', () => {
  it('writes a summary, a table with rule links, and the suppressed findings folded away', () => {
    expect(formatMarkdown(sampleInput())).toBe(
      [
        '### lightsail-compat vet',
        '',
        ':x: **fails** (fail on error): 1 error, 1 warning, 0 notes, 1 suppressed; 3 resources in 2 files.',
        '',
        '| Severity | Rule | Resource | Location | Message |',
        '| --- | --- | --- | --- | --- |',
        '| :x: error | [power-threshold](https://example.test/docs/rules/power-threshold.md) | `aws_lightsail_instance.web` | `infra/main.tf:4:3` | bundle micro_win_3_0 has power 500; needs 1000 (cheapest compatible bundle: small_win_3_0, $22.00/month) |',
        '| :warning: warning | [unknown-bundle](https://example.test/docs/rules/unknown-bundle.md) | `aws_lightsail_instance.web` | `infra/main.tf:5:3` | bundle a\\|b &lt;c&gt; is 100% wrong, really: yes [ap-south-1] |',
        '',
        '<details><summary>1 suppressed finding</summary>',
        '',
        '| Rule | Resource | Location | Reason |',
        '| --- | --- | --- | --- |',
        '| `unresolved-value` | `Web` | `dir with space/t.yaml:9:7` | set by "the" pipeline |',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('escapes pipes, HTML and newlines in cells', () => {
    expect(escapeCell('a|b<i>\nc')).toBe('a\\|b&lt;i&gt; c');
  });
});
