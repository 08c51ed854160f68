/**
 * JUnit XML, for GitLab and other CI test reports: one testsuite per file, one testcase per
 * resource, a failure for each resource with findings at or above `--fail-on`.
 *
 * @module
 */
import type { Finding } from '../types.js';
import { failsRun, type ReportInput } from './common.js';

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return Array.from(text, (ch) => (isXmlChar(ch.codePointAt(0) ?? 0) ? ch : '\ufffd'))
    .join('')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** Whether XML 1.0 can carry a code point (tab, newlines, and most others; not NUL, controls or lone surrogates). */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function describe(f: Finding): string {
  const region = f.region !== undefined ? ` [${f.region}]` : '';
  const suppressed = f.suppressed ? ` (suppressed${f.suppressionReason !== undefined ? `: ${f.suppressionReason}` : ''})` : '';
  return `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}: ${f.message}${region}${suppressed}`;
}

/** The JUnit report. */
export function formatJunit(input: ReportInput): string {
  const byFile = new Map<string, Map<string, Finding[]>>();
  const ensure = (file: string, resource: string): Finding[] => {
    let resources = byFile.get(file);
    if (!resources) byFile.set(file, (resources = new Map<string, Finding[]>()));
    let list = resources.get(resource);
    if (!list) resources.set(resource, (list = []));
    return list;
  };
  for (const r of input.result.resources) ensure(r.file, r.resource);
  for (const f of input.result.findings) ensure(f.file, f.resource).push(f);
  const files = [...byFile.keys()].sort();
  let totalTests = 0;
  let totalFailures = 0;
  const suites: string[] = [];
  for (const file of files) {
    const resources = byFile.get(file)!;
    const cases: string[] = [];
    let failures = 0;
    for (const [resource, findings] of resources) {
      const failing = findings.filter((f) => failsRun(f, input.failOn));
      const other = findings.filter((f) => !failsRun(f, input.failOn));
      let body = '';
      if (failing.length > 0) {
        failures++;
        const first = failing[0]!;
        body += `\n      <failure message="${escapeXml(`${first.ruleId}: ${first.message}`)}" type="${escapeXml(first.ruleId)}">${escapeXml(failing.map(describe).join('\n'))}</failure>`;
      }
      if (other.length > 0) body += `\n      <system-out>${escapeXml(other.map(describe).join('\n'))}</system-out>`;
      cases.push(`    <testcase name="${escapeXml(resource)}" classname="${escapeXml(file)}"${body === '' ? ' />' : `>${body}\n    </testcase>`}`);
    }
    totalTests += resources.size;
    totalFailures += failures;
    suites.push(`  <testsuite name="${escapeXml(file)}" tests="${resources.size}" failures="${failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="lightsail-compat vet" tests="${totalTests}" failures="${totalFailures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
