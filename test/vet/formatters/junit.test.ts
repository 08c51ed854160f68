import { describe, expect, it } from 'vitest';
import { escapeXml, formatJunit } from '../../../src/vet/formatters/junit.js';
import { sampleInput } from './sample.js';

describe('junit format', () => {
  it('writes a testsuite per file and a testcase per resource, failing those at the threshold', () => {
    expect(formatJunit(sampleInput())).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="lightsail-compat vet" tests="3" failures="1" errors="0">',
        '  <testsuite name="dir with space/t.yaml" tests="1" failures="0" errors="0" skipped="0">',
        '    <testcase name="Web" classname="dir with space/t.yaml">',
        '      <system-out>dir with space/t.yaml:9:7 info unresolved-value: not checked (suppressed: set by &quot;the&quot; pipeline)</system-out>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="infra/main.tf" tests="2" failures="1" errors="0" skipped="0">',
        '    <testcase name="aws_lightsail_instance.web" classname="infra/main.tf">',
        '      <failure message="power-threshold: bundle micro_win_3_0 has power 500; needs 1000" type="power-threshold">infra/main.tf:4:3 error power-threshold: bundle micro_win_3_0 has power 500; needs 1000</failure>',
        '      <system-out>infra/main.tf:5:3 warning unknown-bundle: bundle a|b &lt;c&gt; is 100% wrong,\nreally: yes [ap-south-1]</system-out>',
        '    </testcase>',
        '    <testcase name="aws_lightsail_instance.ok" classname="infra/main.tf" />',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('fails on warnings too with --fail-on warning', () => {
    expect(formatJunit(sampleInput({ failOn: 'warning' }))).toContain('failures="1" errors="0" skipped="0">\n    <testcase name="aws_lightsail_instance.web" classname="infra/main.tf">\n      <failure message="power-threshold');
    expect(formatJunit(sampleInput({ failOn: 'none' }))).not.toContain('<failure');
  });

  it('replaces characters XML cannot carry', () => {
    expect(escapeXml('a\u0000b&<>"\'')).toBe('a\ufffdb&amp;&lt;&gt;&quot;&apos;');
  });
});
