/**
 * fast-check arbitraries for the rules tests: catalogs with realistic and odd values, and valid rule
 * files covering everything the rule schema allows.
 */
import fc from 'fast-check';
import type { Catalog } from '../../../src/catalog/model.js';
import { OPERATORS } from '../../../src/rules/operators.js';
import { catalogOf, PLAIN_PARAMS } from './rules.js';

// Catalogs: realistic values most of the time, odd ones (null, strings for numbers, arrays,
// nested objects, missing members) often enough that every operator meets every kind of value.

const MISSING = Symbol('missing');

const scalar = fc.oneof(
  fc.constantFrom(0, 1, 5, 10, 298, 500, 1000, 2000, -1, 2.5),
  fc.constantFrom('5', '10abc', 'abc', '', '1', 'LINUX_UNIX', 'WINDOWS', 'LfR', 'nano_3_0'),
  fc.boolean(),
  fc.constant(null),
);

const { odd } = fc.letrec<{ odd: unknown }>((tie) => ({
  odd: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    scalar,
    fc.array(scalar, { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b'), tie('odd'), { maxKeys: 2 }),
  ),
}));

/** A member's value: usually realistic, sometimes odd, sometimes absent. */
function member(realistic: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: realistic }, { weight: 2, arbitrary: odd }, { weight: 1, arbitrary: fc.constant(MISSING) });
}

/** Unknown members (what a later API version might add): absent more often than not. */
function unknownMember(): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 2, arbitrary: fc.constant(MISSING) }, { weight: 3, arbitrary: odd });
}

const platform = fc.constantFrom('LINUX_UNIX', 'WINDOWS', 'MACOS');

const blueprintBody = fc.record({
  isActive: member(fc.boolean()),
  minPower: member(fc.constantFrom(0, 0, 500, 1000, 2000)),
  platform: member(platform),
  appCategory: fc.oneof({ weight: 3, arbitrary: fc.constant(MISSING) }, { weight: 1, arbitrary: member(fc.constant('LfR')) }),
  x: unknownMember(),
  tags: unknownMember(),
  list: unknownMember(),
});

const bundleBody = fc.record({
  isActive: member(fc.boolean()),
  power: member(fc.constantFrom(298, 500, 1000, 2000, 3000)),
  price: member(fc.constantFrom(3.5, 5, 7, 12, 24)),
  supportedPlatforms: member(fc.subarray(['LINUX_UNIX', 'WINDOWS'])),
  supportedAppCategories: member(fc.constantFrom([], ['LfR'])),
  publicIpv4AddressCount: member(fc.constantFrom(0, 1)),
  x: unknownMember(),
  tags: unknownMember(),
  list: unknownMember(),
});

/** Drops MISSING members and round-trips through JSON, as every catalog read from a file is. */
function item(idKey: string, id: string, body: Record<string, unknown>): object {
  const out: Record<string, unknown> = { [idKey]: id };
  for (const [key, value] of Object.entries(body)) if (value !== MISSING) out[key] = value;
  return JSON.parse(JSON.stringify(out)) as object;
}

export function catalogArbitrary(maxBlueprints: number, maxBundles: number): fc.Arbitrary<Catalog> {
  return fc
    .tuple(fc.array(blueprintBody, { minLength: 1, maxLength: maxBlueprints }), fc.array(bundleBody, { minLength: 1, maxLength: maxBundles }))
    .map(([bps, bus]) =>
      catalogOf(
        bps.map((b, i) => item('blueprintId', `bp${i}`, b)),
        bus.map((b, i) => item('bundleId', `bu${i}`, b)),
      ),
    );
}

// ---------------------------------------------------------------------------------------------
// Rule files: every construct the schema allows. Paths reach known members, unknown members,
// nested members and missing ones; values are literal scalars, literal arrays and fact
// references; operators are all ten, so `in` against a number (a TypeError in the engine) and the
// other error cases come up on their own.

const fact = fc.constantFrom('blueprint', 'bundle');
const path = fc.option(
  fc.constantFrom(
    '$.blueprintId',
    '$.bundleId',
    '$.minPower',
    '$.power',
    '$.price',
    '$.platform',
    '$.supportedPlatforms',
    '$.supportedAppCategories',
    '$.appCategory',
    '$.isActive',
    '$.x',
    '$.tags',
    '$.tags.a',
    '$.tags.a.b',
    '$.list',
    '$.missing',
    '$.missing.deeper',
  ),
  { nil: undefined },
);
const priority = fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined, freq: 2 });

/** An object without the members whose value is undefined (JSON has no undefined). */
function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

const literalScalar = fc.oneof(scalar, fc.string({ maxLength: 4 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -5, max: 2000 }));
const value = fc.oneof(
  { weight: 3, arbitrary: literalScalar },
  { weight: 2, arbitrary: fc.array(literalScalar, { maxLength: 4 }) },
  { weight: 3, arbitrary: fc.record({ fact, path }).map(defined) },
);

/** Comparisons of members that mean something together, so that cross-fact results vary by item. */
const RELATED_MEMBERS: readonly (readonly [string, string, string, string])[] = [
  ['bundle', '$.power', 'blueprint', '$.minPower'],
  ['blueprint', '$.minPower', 'bundle', '$.power'],
  ['blueprint', '$.platform', 'bundle', '$.supportedPlatforms'],
  ['bundle', '$.supportedPlatforms', 'blueprint', '$.platform'],
  ['blueprint', '$.appCategory', 'bundle', '$.supportedAppCategories'],
  ['blueprint', '$.x', 'bundle', '$.x'],
  ['bundle', '$.tags.a', 'blueprint', '$.tags.a'],
  ['bundle', '$.list', 'blueprint', '$.x'],
  ['blueprint', '$.isActive', 'bundle', '$.isActive'],
];

const name = fc.option(fc.constantFrom('a', 'b'), { nil: undefined, freq: 4 });
const operator = fc.constantFrom(...OPERATORS);

const anyLeaf = fc.record({ fact, path, operator, value, priority, name }).map(defined);
const relatedLeaf = fc
  .record({ members: fc.constantFrom(...RELATED_MEMBERS), operator, priority, name })
  .map(({ members: [leftFact, leftPath, rightFact, rightPath], ...rest }) =>
    defined({ fact: leftFact, path: leftPath, ...rest, value: { fact: rightFact, path: rightPath } }),
  );
const leaf = fc.oneof(anyLeaf, relatedLeaf);

function condition(depth: number): fc.Arbitrary<unknown> {
  if (depth === 0) return leaf;
  return fc.oneof({ weight: 3, arbitrary: leaf }, { weight: 2, arbitrary: booleanNode(depth - 1) });
}

function booleanNode(depth: number): fc.Arbitrary<Record<string, unknown>> {
  const children = fc.array(condition(depth), { maxLength: 3 });
  return fc.oneof(
    fc.record({ all: children, priority }).map(defined),
    fc.record({ any: children, priority }).map(defined),
    fc.record({ not: condition(depth), priority }).map(defined),
  );
}

export const ruleFiles = fc
  .array(fc.record({ conditions: booleanNode(3), priority: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 3 }) }), {
    minLength: 1,
    maxLength: 3,
  })
  .map((rules) => rules.map((r, i) => defined({ name: `policy-${i}`, priority: r.priority, conditions: r.conditions, event: { type: 'violation', params: PLAIN_PARAMS } })));

/**
 * Catalogs that keep the normalization contract (the members `Blueprint` and `Bundle` type without
 * `?` are present and well typed); unknown members are still odd.
 */
export function normalizedCatalogArbitrary(maxBlueprints: number, maxBundles: number): fc.Arbitrary<Catalog> {
  const normalBlueprint = fc.record({
    isActive: fc.boolean(),
    minPower: fc.constantFrom(0, 0, 500, 1000, 2000),
    platform,
    appCategory: fc.constantFrom(MISSING, MISSING, 'LfR'),
    x: unknownMember(),
    tags: unknownMember(),
  });
  const normalBundle = fc.record({
    isActive: fc.boolean(),
    power: fc.constantFrom(298, 500, 1000, 2000, 3000),
    price: fc.constantFrom(3.5, 5, 7, 12, 24),
    cpuCount: fc.constant(2),
    diskSizeInGb: fc.constant(20),
    ramSizeInGb: fc.constant(1),
    transferPerMonthInGb: fc.constant(1024),
    supportedPlatforms: fc.subarray(['LINUX_UNIX', 'WINDOWS']),
    supportedAppCategories: fc.constantFrom([], ['LfR']),
    publicIpv4AddressCount: fc.constantFrom(0, 1),
    x: unknownMember(),
    tags: unknownMember(),
  });
  return fc
    .tuple(fc.array(normalBlueprint, { minLength: 1, maxLength: maxBlueprints }), fc.array(normalBundle, { minLength: 1, maxLength: maxBundles }))
    .map(([bps, bus]) =>
      catalogOf(
        bps.map((b, i) => item('blueprintId', `bp${i}`, b)),
        bus.map((b, i) => item('bundleId', `bu${i}`, b)),
      ),
    );
}
