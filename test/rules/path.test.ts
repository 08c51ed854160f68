import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PATH_LENGTH, parsePath, resolveMembers, restrictedPathResolver } from '../../src/rules/path.js';

describe('parsePath', () => {
  it('splits a plain member path into member names', () => {
    expect(parsePath('$.power')).toEqual(['power']);
    expect(parsePath('$.tags.team')).toEqual(['tags', 'team']);
    expect(parsePath('$._private.a1.B_2')).toEqual(['_private', 'a1', 'B_2']);
  });

  it.each([
    ['a script filter', '$..[?(@.constructor)]'],
    ['a regular expression in a filter', "$[?(/^(a+)+$/.test('aaaa!'))]"],
    ['a recursive descent', '$..power'],
    ['a wildcard', '$.supportedPlatforms[*]'],
    ['an index', '$.supportedPlatforms[0]'],
    ['a bracketed member', "$['power']"],
    ['a dynamic key', '$[(@.length-1)]'],
    ['a path without $', 'power'],
    ['the whole fact', '$'],
    ['a trailing dot', '$.power.'],
    ['a member starting with a digit', '$.2xlarge'],
    ['a member with a hyphen', '$.power-level'],
    ['__proto__', '$.__proto__'],
    ['constructor', '$.tags.constructor'],
    ['prototype', '$.prototype'],
    ['nine members', '$' + '.a'.repeat(9)],
    ['a member of 65 characters', '$.' + 'a'.repeat(65)],
    ['a newline after a plain path', '$.power\n'],
  ])('refuses %s', (_, path) => {
    expect(parsePath(path)).toBeUndefined();
  });

  it('accepts a path of exactly the length cap and refuses one character more', () => {
    const atCap = '$' + `.${'m'.repeat(15)}`.repeat(7) + `.${'m'.repeat(14)}`;
    expect(atCap.length).toBe(MAX_PATH_LENGTH);
    expect(parsePath(atCap)).toEqual([...Array.from({ length: 7 }, () => 'm'.repeat(15)), 'm'.repeat(14)]);
    // Eight members of 15 characters fit the member grammar; only the length cap refuses them.
    expect(parsePath('$' + `.${'m'.repeat(15)}`.repeat(8))).toBeUndefined();
  });

  it('refuses a 16,000-member path at once, without parsing it', () => {
    const started = performance.now();
    expect(parsePath('$' + '.a'.repeat(16000))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('is total and accepts only what its grammar describes (law)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (path) => {
        const members = parsePath(path);
        if (members !== undefined) expect('$.' + members.join('.')).toBe(path);
      }),
    );
  });
});

describe('resolveMembers', () => {
  const fact = { power: 500, tags: { team: 'web', none: null }, list: [{ a: 1 }], zero: 0 };

  it('follows own members', () => {
    expect(resolveMembers(fact, ['power'])).toBe(500);
    expect(resolveMembers(fact, ['tags', 'team'])).toBe('web');
    expect(resolveMembers(fact, ['tags', 'none'])).toBeNull();
    expect(resolveMembers(fact, ['zero'])).toBe(0);
  });

  it('gives undefined for missing members, members of primitives and null, and members of arrays', () => {
    expect(resolveMembers(fact, ['missing'])).toBeUndefined();
    expect(resolveMembers(fact, ['missing', 'deeper'])).toBeUndefined();
    expect(resolveMembers(fact, ['power', 'x'])).toBeUndefined();
    expect(resolveMembers(fact, ['tags', 'none', 'x'])).toBeUndefined();
    expect(resolveMembers(fact, ['list', 'length'])).toBeUndefined();
    expect(resolveMembers(fact, ['list', 'a'])).toBeUndefined();
  });

  it('never reaches inherited members', () => {
    expect(resolveMembers(fact, ['toString'])).toBeUndefined();
    expect(resolveMembers(fact, ['hasOwnProperty'])).toBeUndefined();
    expect(resolveMembers(fact, ['tags', 'valueOf'])).toBeUndefined();
  });
});

describe('restrictedPathResolver', () => {
  it('resolves plain member paths as json-rules-engine would with jsonpath-plus', () => {
    expect(restrictedPathResolver({ power: 298 }, '$.power')).toBe(298);
    expect(restrictedPathResolver({ tags: { team: 'web' } }, '$.tags.team')).toBe('web');
    expect(restrictedPathResolver({}, '$.power')).toBeUndefined();
  });

  it.each([
    ['$..[?(@.constructor)]', 'path "$..[?(@.constructor)]" is outside the allowed grammar $.member(.member)*'],
    ['$.supportedPlatforms[0]', 'path "$.supportedPlatforms[0]" is outside the allowed grammar $.member(.member)*'],
    ['$.*', 'path "$.*" is outside the allowed grammar $.member(.member)*'],
    ['power', 'path "power" is outside the allowed grammar $.member(.member)*'],
    ['$.__proto__', 'path "$.__proto__" is outside the allowed grammar $.member(.member)*'],
    [
      "$[?('ab'.repeat(100000000).split('').length > 0)]",
      'path "$[?(\'ab\'.repeat(100000000).split(\'\').len" is outside the allowed grammar $.member(.member)*',
    ],
  ])('throws for the jsonpath syntax %s, quoting at most 40 characters of it', (path, message) => {
    expect(() => restrictedPathResolver({ supportedPlatforms: ['LINUX_UNIX'] }, path)).toThrow(new Error(message));
  });
});
