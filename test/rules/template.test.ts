import { describe, expect, it } from 'vitest';
import { parseTemplate, renderTemplate, type MessageTemplate } from '../../src/rules/template.js';
import { blueprint, bundle } from './support/rules.js';

function parsed(text: string): MessageTemplate {
  const result = parseTemplate(text);
  if (!result.ok) throw new Error(result.reason);
  return result.template;
}

describe('parseTemplate', () => {
  it('splits text and placeholders, allowing spaces inside the braces', () => {
    expect(parsed('bundle {{bundle.bundleId}} has power {{ bundle.power }}; {{blueprint.tags.team}}')).toEqual([
      'bundle ',
      { fact: 'bundle', members: ['bundleId'] },
      ' has power ',
      { fact: 'bundle', members: ['power'] },
      '; ',
      { fact: 'blueprint', members: ['tags', 'team'] },
    ]);
  });

  it('accepts text without placeholders', () => {
    expect(parsed('over budget')).toEqual(['over budget']);
  });

  it.each([
    ['an unknown fact', 'in {{region.name}}', 'in {{region.name}}'],
    ['a fact without a member', 'hello {{bundle}}', 'hello {{bundle}}'],
    ['an index', '{{bundle.supportedPlatforms[0]}}', '{{bundle.supportedPlatforms[0]}}'],
    ['an unclosed placeholder', '{{bundle.power} watts', '{{bundle.power} watts'],
    ['a stray closing pair after a good placeholder', '{{bundle.power}} }}', ' }}'],
  ])('refuses %s, quoting where', (_, text, near) => {
    expect(parseTemplate(text)).toEqual({
      ok: false,
      reason: `message has a placeholder that is not {{blueprint.member}} or {{bundle.member}} near ${JSON.stringify(near)}`,
    });
  });
});

describe('renderTemplate', () => {
  const bp = blueprint('wordpress', { tags: { team: 'web' }, flags: [] });
  const bu = bundle('nano_3_0', { supportedPlatforms: ['LINUX_UNIX', 'WINDOWS'], extra: null, nested: { a: [1, 2] }, isActive: false });

  it('fills in numbers, strings, booleans, and joins arrays with commas', () => {
    expect(renderTemplate(parsed('{{bundle.bundleId}} {{bundle.power}} {{bundle.isActive}} [{{bundle.supportedPlatforms}}] {{blueprint.tags.team}}'), bp, bu)).toBe(
      'nano_3_0 298 false [LINUX_UNIX, WINDOWS] web',
    );
  });

  it('shows (none) for missing, null and empty values, and JSON for objects', () => {
    expect(renderTemplate(parsed('{{bundle.missing}}|{{bundle.extra}}|{{blueprint.flags}}|{{bundle.nested}}|{{bundle.power.x}}'), bp, bu)).toBe(
      '(none)|(none)|(none)|{"a":[1,2]}|(none)',
    );
  });

  it('never reaches inherited members', () => {
    expect(renderTemplate(parsed('{{bundle.constructor}} {{bundle.__proto__}} {{blueprint.toString}}'), bp, bu)).toBe('(none) (none) (none)');
  });
});
