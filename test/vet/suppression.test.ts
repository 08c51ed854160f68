import { describe, expect, it } from 'vitest';
import { parseIgnoreComment, suppressionsFor, yamlComments } from '../../src/vet/suppression.js';

const at = { line: 3, column: 5, endLine: 3 };

describe('parseIgnoreComment', () => {
  it('reads rule ids and the reason after the colon', () => {
    expect(parseIgnoreComment({ ...at, text: '# lightsail-compat-ignore power-threshold, platform-match: load test' }, 'f')).toEqual({
      file: 'f',
      line: 3,
      column: 5,
      rules: ['power-threshold', 'platform-match'],
      reason: 'load test',
    });
  });

  it('accepts // and /* */ comments and leaves the reason out when there is none', () => {
    expect(parseIgnoreComment({ ...at, text: '// lightsail-compat-ignore unknown-bundle' }, 'f')).toEqual({ file: 'f', line: 3, column: 5, rules: ['unknown-bundle'] });
    expect(parseIgnoreComment({ ...at, text: '/* lightsail-compat-ignore unknown-bundle: new plan */' }, 'f')?.reason).toBe('new plan');
  });

  it('returns a directive with no rules when none is named', () => {
    expect(parseIgnoreComment({ ...at, text: '# lightsail-compat-ignore' }, 'f')).toEqual({ file: 'f', line: 3, column: 5, rules: [] });
  });

  it('ignores other comments and look-alike words', () => {
    expect(parseIgnoreComment({ ...at, text: '# just a note' }, 'f')).toBeUndefined();
    expect(parseIgnoreComment({ ...at, text: '# lightsail-compat-ignored x: y' }, 'f')).toBeUndefined();
  });
});

describe('suppressionsFor', () => {
  const comments = [
    { text: '# lightsail-compat-ignore a: far above', line: 1, column: 1, endLine: 1 },
    { text: '# lightsail-compat-ignore b: above', line: 3, column: 1, endLine: 3 },
    { text: '# lightsail-compat-ignore c: above too', line: 4, column: 1, endLine: 4 },
    { text: '# lightsail-compat-ignore d: inside', line: 6, column: 3, endLine: 6 },
    { text: '# lightsail-compat-ignore e: after', line: 9, column: 1, endLine: 9 },
  ];

  it('takes comments inside the resource and the run of comment lines directly above it', () => {
    expect(suppressionsFor(comments, 'f', 5, 7).map((s) => s.rules[0])).toEqual(['b', 'c', 'd']);
  });
});

describe('yamlComments', () => {
  it('finds comments after whitespace, not inside quoted strings or words', () => {
    expect(yamlComments('a: "x # no"\nb: c#no\nd: e # yes\n# full line\n')).toEqual([
      { text: '# yes', line: 3, column: 6, endLine: 3 },
      { text: '# full line', line: 4, column: 1, endLine: 4 },
    ]);
  });
});
