import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, escapeHtml, markdownCell, markdownTable } from '../../src/planning/text-formats.js';

describe('csvField and csvDocument (RFC 4180)', () => {
  it('leaves plain fields alone and quotes fields with commas, quotes, CR or LF, doubling quotes', () => {
    expect(['nano_3_0', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 5.5, false].map(csvField)).toEqual([
      'nano_3_0',
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '"cr\rhere"',
      '5.5',
      'false',
    ]);
  });

  it('ends every record with CRLF', () => {
    expect(csvDocument([['id', 'price'], ['a,b', 5]])).toBe('id,price\r\n"a,b",5\r\n');
  });
});

describe('markdownCell and markdownTable', () => {
  it('escapes pipes and backslashes and flattens line breaks, so a value cannot break the row', () => {
    expect(markdownCell('a|b\\c\nd\r\ne')).toBe('a\\|b\\\\c d e');
  });

  it('writes a header, an alignment rule and one line per row', () => {
    expect(markdownTable(['Id', 'Price'], [['x|y', 5]], ['l', 'r'])).toBe('| Id | Price |\n| --- | ---: |\n| x\\|y | 5 |\n');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
