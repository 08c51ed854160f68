import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { catalogText, loadCatalog } from '../../src/catalog/load-catalog.js';
import type { Catalog } from '../../src/catalog/model.js';
import { loadVetParsers, type VetParsers } from '../../src/vet/parsers.js';
import type { VetSource } from '../../src/vet/types.js';

/** The repository root: fixture names in findings are relative to it, as the CLI makes them. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** The vet fixtures directory. */
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'vet');

/** Every parser, loaded once per test file. */
export function allParsers(): Promise<VetParsers> {
  return loadVetParsers(['hcl', 'yaml', 'json']);
}

/** A fixture catalog (`us-east-1` or `ap-south-1`), independent of the built-in snapshot. */
export function fixtureCatalog(region: 'us-east-1' | 'ap-south-1' = 'us-east-1'): Catalog {
  const path = join(FIXTURES, 'catalogs', `${region}.json`);
  return loadCatalog(catalogText(readFileSync(path, 'utf8'), path)).catalog;
}

/** Every file under a fixture directory, as sources named relative to the repository root. */
export function fixtureSources(dir: string): VetSource[] {
  const out: VetSource[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ name: relative(ROOT, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(join(FIXTURES, dir));
  return out;
}

/** One in-memory source. */
export function source(name: string, text: string): VetSource {
  return { name, text, explicit: true };
}
