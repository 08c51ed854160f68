import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../../src/vet/formatters/github.js';
import { sampleInput } from './sample.js';

describe('github format', () => {
  it('escapes % CR LF in messages, and also : and , in properties', () => {
    expect(escapeData('100%\r\nx: a, b')).toBe('100%25%0D%0Ax: a, b');
    expect(escapeProperty('C:\\a,b%')).toBe('C%3A\\a%2Cb%25');
  });

  it('writes one workflow command per finding, notices for info and for suppressed findings', () => {
    expect(formatGithub(sampleInput())).toBe(
      [
        '::error file=infra/main.tf,line=4,col=3,title=power-threshold::aws_lightsail_instance.web: bundle micro_win_3_0 has power 500; needs 1000 (cheapest compatible bundle: small_win_3_0, $22.00/month)',
        '::warning file=infra/main.tf,line=5,col=3,title=unknown-bundle::aws_lightsail_instance.web: bundle a|b <c> is 100%25 wrong,%0Areally: yes [ap-south-1]',
        '::notice file=dir with space/t.yaml,line=9,col=7,title=unresolved-value (suppressed)::Web: not checked (suppressed: set by "the" pipeline)',
        '1 error, 1 warning, 0 notes, 1 suppressed: 3 resources in 2 files',
        '',
      ].join('\n'),
    );
  });
});
