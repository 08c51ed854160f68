import type { CommandEntry } from './command.js';

/**
 * Every command, in help order. Modules load lazily, so `check` never pays for the parsers that
 * `vet` needs or for the AWS SDK.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'check', summary: 'say whether a blueprint runs on a bundle, and why not', load: () => import('./commands/check.js') },
  { name: 'recommend', summary: 'list compatible pairings that meet criteria, cheapest first', load: () => import('./commands/recommend.js') },
  { name: 'matrix', summary: 'every blueprint against every bundle, as a table, CSV, JSON, Markdown or an HTML page', load: () => import('./commands/matrix.js') },
  { name: 'rules', summary: 'list the rules in force, or show one', load: () => import('./commands/rules.js') },
  { name: 'vet', summary: 'check Terraform, plans, CloudFormation and configs in CI', load: () => import('./commands/vet.js') },
  { name: 'catalog', summary: 'validate, show, compare or pull blueprint and bundle catalogs', load: () => import('./commands/catalog.js') },
  { name: 'access', summary: 'how to connect to an instance: Windows password or temporary SSH key', load: () => import('./commands/access.js') },
];
