/**
 * app-category-match on a small synthetic Lightsail for Research catalog (the built-in snapshot has
 * no LfR items, since the API lists them only when asked with appCategory LfR).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogText, loadCatalog } from '../../src/catalog/load-catalog.js';
import { checkPair, compatibilityMatrix } from '../../src/rules/evaluator.js';
import { blueprint, bundle, catalogOf } from './support/rules.js';

const { catalog, diagnostics } = loadCatalog(catalogText(readFileSync('test/fixtures/rules/lfr-catalog.json', 'utf8'), 'lfr-catalog.json'));

describe('app-category-match', () => {
  it('has a fixture catalog that loads cleanly', () => {
    expect(diagnostics).toEqual([]);
  });

  it('rejects a Lightsail for Research blueprint on a standard bundle and suggests the cheapest LfR bundle', () => {
    expect(checkPair(catalog, 'lfr_jupyterlab_example', 'xlarge_3_0')).toEqual({
      compatible: false,
      blueprintId: 'lfr_jupyterlab_example',
      bundleId: 'xlarge_3_0',
      violations: [
        {
          ruleId: 'app-category-match',
          severity: 'error',
          message: 'lfr_jupyterlab_example is a Lightsail for Research blueprint; bundle xlarge_3_0 supports the app categories (none), not LfR',
        },
      ],
      suggestion: { bundleId: 'app_standard_xl_1_0', price: 60 },
    });
  });

  it('treats a bundle whose source had no supportedAppCategories as a standard bundle', () => {
    expect(checkPair(catalog, 'lfr_jupyterlab_example', 'nano_3_0').violations.map((v) => v.ruleId)).toEqual(['app-category-match']);
  });

  it('accepts a Lightsail for Research blueprint on a bundle that supports LfR', () => {
    expect(checkPair(catalog, 'lfr_jupyterlab_example', 'gpu_nvidia_xl_1_0')).toEqual({
      compatible: true,
      blueprintId: 'lfr_jupyterlab_example',
      bundleId: 'gpu_nvidia_xl_1_0',
      violations: [],
    });
  });

  it('does not apply to standard blueprints, on standard or LfR bundles', () => {
    expect(checkPair(catalog, 'ubuntu_22_04', 'app_standard_xl_1_0').violations).toEqual([]);
    expect(checkPair(catalog, 'ubuntu_22_04', 'nano_3_0').violations).toEqual([]);
  });

  it('leaves exactly the LfR bundles in the LfR blueprint’s row of the matrix', () => {
    const matrix = compatibilityMatrix(catalog);
    expect(matrix.compatibleBundleIds('lfr_jupyterlab_example')).toEqual(['app_standard_xl_1_0', 'gpu_nvidia_xl_1_0']);
    expect(matrix.compatibleBundleIds('ubuntu_22_04')).toEqual(['app_standard_xl_1_0', 'gpu_nvidia_xl_1_0', 'nano_3_0', 'xlarge_3_0']);
    expect(matrix.compatibleCount).toBe(6);
  });

  it('counts a pairing it cannot evaluate (a hand-built bundle without the member) as breaking the rule, and says why', () => {
    const handBuilt = catalogOf([blueprint('lfr', { appCategory: 'LfR' })], [{ ...bundle('odd'), supportedAppCategories: undefined }]);
    expect(checkPair(handBuilt, 'lfr', 'odd')).toEqual({
      compatible: false,
      blueprintId: 'lfr',
      bundleId: 'odd',
      violations: [
        {
          ruleId: 'app-category-match',
          severity: 'error',
          message:
            "rule app-category-match could not be evaluated for lfr on odd (TypeError: Cannot read properties of undefined (reading 'indexOf')); the pairing counts as breaking it",
          error: "TypeError: Cannot read properties of undefined (reading 'indexOf')",
        },
      ],
    });
  });
});
