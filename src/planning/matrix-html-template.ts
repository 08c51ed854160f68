/**
 * The fixed parts of the matrix page: its style sheet, its script and the page around the table.
 * Everything is inline and the page's Content-Security-Policy forbids loading anything, so the
 * page makes no network request even if a catalog string slipped past escaping. The script reads
 * only the DOM (no catalog data is ever written into it), so it is a constant whose hash the
 * policy pins.
 *
 * @module
 */
import { createHash } from 'node:crypto';

/** The page's style sheet. Colours pair with symbols (✓ ! ✗) so the grid reads without colour too. */
export const MATRIX_PAGE_STYLE = `
:root { color-scheme: light; --ok: #c8f0cf; --ok-ink: #0f5b24; --warn: #ffe7a3; --warn-ink: #6b4700;
  --bad: #ffd3d0; --bad-ink: #8f1121; --line: #d5d9de; --head: #f3f5f7; --ink: #1d232a; --muted: #5b6570; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
header.page { padding: 16px 20px 8px; border-bottom: 1px solid var(--line); }
h1 { font-size: 20px; margin: 0 0 4px; }
.meta { margin: 0 0 10px; color: var(--muted); }
.meta b { color: var(--ink); font-weight: 600; }
.controls { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: center; margin-bottom: 8px; }
.controls label { display: inline-flex; gap: 6px; align-items: center; }
.controls input[type=search] { width: 16em; padding: 4px 6px; border: 1px solid var(--line); border-radius: 4px; font: inherit; }
.controls select { padding: 3px 4px; font: inherit; }
#shown { color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; margin: 0; color: var(--muted); }
.legend li { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 18px; height: 18px; border-radius: 3px; text-align: center; font-weight: 700; line-height: 18px; }
.scroller { overflow: auto; max-height: calc(100vh - 190px); min-height: 240px; }
table.matrix { border-collapse: separate; border-spacing: 0; }
.matrix th, .matrix td { border-right: 1px solid var(--line); border-bottom: 1px solid var(--line); }
.matrix thead th { position: sticky; top: 0; z-index: 2; background: var(--head); vertical-align: bottom; padding: 6px 6px; font-weight: 600; }
.matrix thead th.corner { left: 0; z-index: 3; text-align: left; min-width: 15em; }
.matrix thead th .id { display: block; writing-mode: vertical-rl; transform: rotate(180deg); margin: 0 auto 6px; white-space: nowrap; }
.matrix thead th .price { display: block; font-weight: 600; color: var(--ink); white-space: nowrap; }
.matrix thead th .spec { display: block; font-weight: 400; color: var(--muted); font-size: 11px; white-space: nowrap; }
.matrix thead th .tag { display: inline-block; font-size: 10px; font-weight: 600; padding: 0 4px; margin-top: 2px; border-radius: 3px; background: #dde3ea; color: #33404d; }
.matrix tbody th { position: sticky; left: 0; z-index: 1; background: #fff; text-align: left; padding: 3px 8px; font-weight: 600; white-space: nowrap; }
.matrix tbody th small { display: block; font-weight: 400; color: var(--muted); font-size: 11px; }
.matrix td { width: 34px; min-width: 34px; height: 30px; text-align: center; font-weight: 700; cursor: default; }
.matrix td.ok { background: var(--ok); color: var(--ok-ink); }
.matrix td.warn { background: var(--warn); color: var(--warn-ink); }
.matrix td.bad { background: var(--bad); color: var(--bad-ink); }
.swatch.ok { background: var(--ok); color: var(--ok-ink); }
.swatch.warn { background: var(--warn); color: var(--warn-ink); }
.swatch.bad { background: var(--bad); color: var(--bad-ink); }
.matrix td:hover, .matrix td:focus { outline: 2px solid var(--ink); outline-offset: -2px; }
.matrix tr.hot th, .matrix th.hot { background: #e4ecf7; }
.matrix [hidden] { display: none; }
.inactive { text-decoration: line-through; }
#details { position: sticky; bottom: 0; margin: 0; padding: 8px 20px; min-height: 3.2em; background: #fafbfc; border-top: 1px solid var(--line); white-space: pre-line; }
footer.page { padding: 8px 20px 16px; color: var(--muted); font-size: 12px; }
footer.page code { font-size: 11px; }
`;

/**
 * The page's script: filters (text, platform, rows with a compatible cell), the hovered row and
 * column highlighted, and the hovered cell's reasons in the details bar. It reads everything from
 * the DOM, never from interpolated data.
 */
export const MATRIX_PAGE_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('matrix');
  var filter = document.getElementById('filter');
  var platform = document.getElementById('platform');
  var onlyCompatible = document.getElementById('only-compatible');
  var shown = document.getElementById('shown');
  var details = document.getElementById('details');
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells, 1);
  var idle = details.textContent;

  function apply() {
    var query = filter.value.trim().toLowerCase();
    var wanted = platform.value;
    var hiddenColumns = heads.map(function (th) {
      return wanted !== '' && (' ' + th.getAttribute('data-platforms') + ' ').indexOf(' ' + wanted + ' ') < 0;
    });
    heads.forEach(function (th, c) { th.hidden = hiddenColumns[c]; });
    var count = 0;
    rows.forEach(function (row) {
      var visible = (query === '' || row.getAttribute('data-search').indexOf(query) >= 0) &&
        (wanted === '' || row.getAttribute('data-platform') === wanted) &&
        (!onlyCompatible.checked || row.getAttribute('data-compatible') !== '0');
      row.hidden = !visible;
      if (visible) count++;
      for (var c = 1; c < row.cells.length; c++) row.cells[c].hidden = hiddenColumns[c - 1];
    });
    shown.textContent = count + ' of ' + rows.length + ' blueprints shown';
  }

  var hot = null;
  function highlight(cell) {
    if (hot) {
      hot.row.classList.remove('hot');
      hot.head.classList.remove('hot');
      hot = null;
    }
    if (!cell || cell.tagName !== 'TD') return;
    var row = cell.parentNode;
    var head = heads[cell.cellIndex - 1];
    row.classList.add('hot');
    head.classList.add('hot');
    hot = { row: row, head: head };
    details.textContent = cell.getAttribute('title');
  }

  table.addEventListener('mouseover', function (event) { highlight(event.target.closest('td')); });
  table.addEventListener('focusin', function (event) { highlight(event.target.closest('td')); });
  table.addEventListener('mouseleave', function () { highlight(null); details.textContent = idle; });
  filter.addEventListener('input', apply);
  platform.addEventListener('change', apply);
  onlyCompatible.addEventListener('change', apply);
  apply();
})();
`;

/** The `script-src` source that allows exactly {@link MATRIX_PAGE_SCRIPT}. */
export const MATRIX_PAGE_SCRIPT_HASH = `'sha256-${createHash('sha256').update(MATRIX_PAGE_SCRIPT).digest('base64')}'`;

/** The already escaped parts {@link matrixPage} puts together. */
export interface MatrixPageParts {
  /** Page title (escaped). */
  readonly title: string;
  /** The line under the heading: region, date, counts (escaped HTML). */
  readonly meta: string;
  /** `<option>` elements for the platform filter (escaped HTML). */
  readonly platformOptions: string;
  /** The `<table>` element (escaped HTML). */
  readonly table: string;
  /** The footer's content (escaped HTML). */
  readonly footer: string;
}

/** The whole page around already escaped parts. */
export function matrixPage(parts: MatrixPageParts): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src ${MATRIX_PAGE_SCRIPT_HASH}; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="lightsail-compat">
<link rel="icon" href="data:,">
<title>${parts.title}</title>
<style>${MATRIX_PAGE_STYLE}</style>
</head>
<body>
<header class="page">
<h1>Lightsail compatibility matrix</h1>
<p class="meta">${parts.meta}</p>
<div class="controls">
<label>Blueprint <input id="filter" type="search" placeholder="filter by id or name" autocomplete="off"></label>
<label>Platform <select id="platform"><option value="">all platforms</option>${parts.platformOptions}</select></label>
<label><input id="only-compatible" type="checkbox"> only blueprints with a compatible bundle</label>
<span id="shown"></span>
</div>
<ul class="legend">
<li><span class="swatch ok">✓</span> compatible</li>
<li><span class="swatch warn">!</span> compatible, with warnings</li>
<li><span class="swatch bad">✗</span> incompatible: point at a cell for the rules it breaks</li>
</ul>
</header>
<div class="scroller">
${parts.table}
</div>
<p id="details" aria-live="polite">Point at a cell to see the verdict and the reasons.</p>
<footer class="page">${parts.footer}</footer>
<script>${MATRIX_PAGE_SCRIPT}</script>
</body>
</html>
`;
}
