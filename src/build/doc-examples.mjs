// Finds the command examples in the docs: fenced blocks with the info string `console`, in which
// a line `$ lightsail-compat ARGS` is a command and the lines after it, up to the next `$` line or
// the end of the block, are its standard output. Shared by the docs test (which checks every
// example against the current code) and `npm run docs:outputs` (which rewrites them).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Markdown files whose console examples are checked: README.md and docs/ (not docs/api). */
export function documentedFiles(root) {
  const files = [join(root, 'README.md')];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'api') walk(full);
      else if (entry.isFile() && entry.name.endsWith('.md')) files.push(full);
    }
  };
  walk(join(root, 'docs'));
  return files.map((f) => relative(root, f)).sort();
}

/** Splits a command line the way a POSIX shell would for plain words and '...' / "..." quotes. */
export function splitWords(line) {
  const words = [];
  let current = '';
  let quote = null;
  let inWord = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unclosed quote in: ${line}`);
  if (inWord) words.push(current);
  return words;
}

/**
 * The examples of one Markdown text: `{ line, args, expected, start, end }` where `start`/`end`
 * are the line indexes (0-based, end exclusive) of the expected output inside the text.
 */
export function findExamples(text) {
  const lines = text.split('\n');
  const examples = [];
  let inBlock = false;
  let current = null;
  const close = (end) => {
    if (current) {
      current.end = end;
      current.expected = lines.slice(current.start, end).join('\n') + (end > current.start ? '\n' : '');
      examples.push(current);
      current = null;
    }
  };
  lines.forEach((line, index) => {
    if (!inBlock && /^```console\s*$/.test(line)) {
      inBlock = true;
      return;
    }
    if (inBlock && /^```\s*$/.test(line)) {
      close(index);
      inBlock = false;
      return;
    }
    if (!inBlock) return;
    if (line.startsWith('$ ')) {
      close(index);
      const words = splitWords(line.slice(2));
      if (words[0] !== 'lightsail-compat') throw new Error(`line ${index + 1}: console examples run lightsail-compat only: ${line}`);
      current = { line: index + 1, args: words.slice(1), start: index + 1 };
    }
  });
  return examples;
}

/** Reads a documented file. */
export function readDoc(root, file) {
  return readFileSync(join(root, file), 'utf8');
}
