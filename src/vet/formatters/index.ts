/**
 * The report formats of `vet`, by name.
 *
 * @module
 */
import type { ReportInput } from './common.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

/** The names `--format` accepts. */
export const VET_FORMATS = ['text', 'json', 'sarif', 'junit', 'github', 'markdown'] as const;

/** A report format's name. */
export type VetFormat = (typeof VET_FORMATS)[number];

/** Renders a report in the named format. */
export function formatReport(format: VetFormat, input: ReportInput): string {
  switch (format) {
    case 'text':
      return formatText(input);
    case 'json':
      return formatJson(input);
    case 'sarif':
      return formatSarif(input);
    case 'junit':
      return formatJunit(input);
    case 'github':
      return formatGithub(input);
    case 'markdown':
      return formatMarkdown(input);
  }
}

export * from './common.js';
