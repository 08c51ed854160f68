/**
 * The operator truth table measured on json-rules-engine 7.3.1 (docs: "Built-in operators: exact
 * semantics"), pinned verbatim. Each built-in operator row is checked three ways: the compiled
 * operator functions, a compiled rule run through the evaluator, and json-rules-engine itself (with
 * the restricted path resolver). The decorator rows are operators rule files may not use: the
 * loader must refuse each of them.
 */
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../src/rules/evaluator.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { isOperatorName, OPERATOR_FUNCTIONS, OPERATORS } from '../../src/rules/operators.js';
import { restrictedPathResolver } from '../../src/rules/path.js';
import { blueprint, bundle, BUILTINS_OFF, catalogOf, loadValidRules, ruleJson } from './support/rules.js';

// Copied unchanged from the measured table. `undefined(missing)` is a member the fact lacks.
const MEASURED = `
operator               value         5               undefined(missing)  null            "5"             "10abc"         "abc"           [1,2]           [5]             {}              NaN             true            ""
equal                  5             T               F                   F               F               F               F               F               F               F               F               F               F
notEqual               5             F               T                   T               T               T               T               T               T               T               T               T               T
in                     [5,"5",null]  T               F                   T               T               F               F               F               F               F               F               F               F
notIn                  [5]           F               T                   T               T               T               T               T               T               T               T               T               T
in                     "abc5"        T               F                   F               T               F               T               F               T               F               F               F               T
in                     null          ERR(TypeError)  ERR(TypeError)      ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)
notIn                  undefined     ERR(TypeError)  ERR(TypeError)      ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)
contains               1             F               F                   F               F               F               F               T               F               F               F               F               F
doesNotContain         1             F               F                   F               F               F               F               F               T               F               F               F               F
contains               "a"           F               F                   F               F               F               F               F               F               F               F               F               F
lessThan               10            T               F                   F               T               F               F               F               T               F               F               F               F
lessThanInclusive      5             T               F                   F               T               F               F               F               T               F               F               F               F
greaterThan            1             T               F                   F               T               F               F               F               T               F               F               F               F
greaterThanInclusive   5             T               F                   F               T               F               F               F               T               F               F               F               F
greaterThan            "1"           T               F                   F               T               T               F               T               T               F               F               F               F
lessThan               undefined     F               F                   F               F               F               F               F               F               F               F               F               F
not:contains           1             T               T                   T               T               T               T               F               T               T               T               T               T
not:greaterThan        1             F               T                   T               F               T               T               T               F               T               T               T               T
not:equal              5             F               T                   T               T               T               T               T               T               T               T               T               T
someFact:equal         1             F               F                   F               F               F               F               T               F               F               F               F               F
everyFact:greaterThan  0             F               F                   F               F               F               F               T               T               F               F               F               F
someValue:equal        [5,1]         T               F                   F               F               F               F               F               F               F               F               F               F
everyValue:lessThan    [10,20]       T               F                   F               T               F               F               F               T               F               F               F               F
swap:contains          [5,1]         T               F                   F               F               F               F               F               F               F               F               F               F
swap:in                "abc5"        ERR(TypeError)  ERR(TypeError)      ERR(TypeError)  F               F               F               F               F               ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  F
someValue:equal        5             ERR(TypeError)  ERR(TypeError)      ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)  ERR(TypeError)
`;

const MISSING = Symbol('missing');

function parseCell(text: string): unknown {
  if (text === 'undefined(missing)') return MISSING;
  if (text === 'undefined') return undefined;
  if (text === 'NaN') return NaN;
  return JSON.parse(text);
}

const [header, ...body] = MEASURED.trim().split('\n').map((line) => line.trim().split(/\s{2,}/));
const FACT_VALUES = header!.slice(2).map(parseCell);
const ROWS = body.map(([operator, value, ...results]) => ({ operator: operator!, valueText: value!, value: parseCell(value!), results }));
const BUILTIN_ROWS = ROWS.filter((row) => isOperatorName(row.operator));
const JSON_ROWS = BUILTIN_ROWS.filter((row) => row.valueText !== 'undefined');
const DECORATOR_ROWS = ROWS.filter((row) => !isOperatorName(row.operator));

function label(fact: unknown): string {
  return fact === MISSING ? 'missing' : fact === undefined ? 'undefined' : Number.isNaN(fact) ? 'NaN' : JSON.stringify(fact);
}

/** The bundle's member `v` holds the fact value (or is absent). */
function factObject(fact: unknown): Record<string, unknown> {
  return fact === MISSING ? {} : { v: fact };
}

function direct(operator: string, a: unknown, b: unknown): string {
  try {
    return OPERATOR_FUNCTIONS[operator as keyof typeof OPERATOR_FUNCTIONS](a === MISSING ? undefined : a, b) ? 'T' : 'F';
  } catch (error) {
    return `ERR(${(error as Error).name})`;
  }
}

async function viaEngine(operator: string, fact: unknown, value: unknown): Promise<string> {
  // Built by hand, since `value: undefined` cannot be written in JSON.
  const rule = ruleJson('measured', { all: [{ fact: 'bundle', path: '$.v', operator, value }] });
  const engine = new Engine([rule as never], { pathResolver: restrictedPathResolver });
  try {
    const { results } = await engine.run({ blueprint: {}, bundle: factObject(fact) });
    return results.length === 1 ? 'T' : 'F';
  } catch (error) {
    return `ERR(${(error as Error).name})`;
  }
}

describe('the built-in operators', () => {
  it('are exactly the ten operators json-rules-engine ships', () => {
    expect([...OPERATORS]).toEqual([
      'equal',
      'notEqual',
      'in',
      'notIn',
      'contains',
      'doesNotContain',
      'lessThan',
      'lessThanInclusive',
      'greaterThan',
      'greaterThanInclusive',
    ]);
    expect(new Set(BUILTIN_ROWS.map((r) => r.operator))).toEqual(new Set(OPERATORS));
  });

  describe.each(BUILTIN_ROWS.map((row) => [`${row.operator} ${row.valueText}`, row] as const))('%s', (_, row) => {
    it('gives the measured result for every fact value as a compiled operator', () => {
      expect(FACT_VALUES.map((fact) => direct(row.operator, fact, row.value))).toEqual(row.results);
    });

    it('gives the measured result for every fact value in json-rules-engine with the restricted resolver', async () => {
      const results: string[] = [];
      for (const fact of FACT_VALUES) results.push(await viaEngine(row.operator, fact, row.value));
      expect(results).toEqual(row.results);
    });
  });

  // A rule file cannot say `undefined`; those rows are covered by the two tests above.
  it.each(JSON_ROWS.map((row) => [`${row.operator} ${row.valueText}`, row] as const))('%s gives the measured result for every fact value as a loaded rule in the evaluator', (_, row) => {
    const [rule] = loadValidRules([ruleJson('measured', { all: [{ fact: 'bundle', path: '$.v', operator: row.operator, value: row.value }] })]);
    const catalog = catalogOf(
      [blueprint('bp')],
      FACT_VALUES.map((fact, i) => ({ ...bundle(`bu${String(i).padStart(2, '0')}`), ...factObject(fact) })),
    );
    const evaluator = createEvaluator(catalog, { rules: [rule!], severity: BUILTINS_OFF });
    const results = catalog.bundles.map((bu) => {
      const [violation] = evaluator.check('bp', bu.bundleId).violations;
      if (violation === undefined) return 'F';
      return violation.error === undefined ? 'T' : `ERR(${violation.error.slice(0, violation.error.indexOf(':'))})`;
    });
    expect(Object.fromEntries(FACT_VALUES.map((f, i) => [label(f), results[i]]))).toEqual(
      Object.fromEntries(FACT_VALUES.map((f, i) => [label(f), row.results[i]])),
    );
  });

  it.each(DECORATOR_ROWS.map((row) => [row.operator] as const))('refuses the decorated operator %s in a rule file', (operator) => {
    const text = JSON.stringify(ruleJson('decorated', { all: [{ fact: 'bundle', path: '$.v', operator, value: 1 }] }));
    const { rules, diagnostics } = loadRules([{ name: 'decorated.json', text }]);
    expect(rules).toEqual([]);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'invalid-rule',
        source: 'decorated.json',
        pointer: '/conditions/all/0/operator',
        message: `rule decorated: operator decorators (${JSON.stringify(operator)}) are not allowed; use one of ${OPERATORS.join(', ')}`,
      },
    ]);
  });
});
