import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { usage as accessUsage } from '../../src/cli/commands/access.js';
import { usage as pullUsage } from '../../src/cli/commands/catalog-pull.js';

const guide = readFileSync(new URL('../../docs/live-catalogs.md', import.meta.url), 'utf8');

function flags(usage: string): string[] {
  return [...new Set([...usage.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]!))];
}

// The guide is where users learn these commands; a flag added to a command must be explained there.
describe('docs/live-catalogs.md', () => {
  it('explains every flag of catalog pull and access', () => {
    const all = [...flags(pullUsage), ...flags(accessUsage)];
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((f) => !guide.includes(f))).toEqual([]);
  });

  it('states the PKCS#1 v1.5 assumption and the permissions needed', () => {
    for (const text of ['RSA with PKCS#1 v1.5 padding', 'CVE-2023-46809', 'lightsail:GetBlueprints', 'lightsail:GetBundles', 'lightsail:GetInstanceAccessDetails', 'lightsail:GetInstance`']) {
      expect(guide).toContain(text);
    }
  });
});
