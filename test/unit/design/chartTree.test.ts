import * as assert from 'node:assert/strict';
import { compareSeries } from '../../../src/core/design/compare';
import { serializeSvg, type SvgElement } from '../../../src/core/graph/svgTree';
import { chartRows, chartTree } from '../../../webview/chartTree';
import { analyze } from '../../../src/core/analyze';
import { example } from './examples';

function all(tree: SvgElement, match: (e: SvgElement) => boolean): SvgElement[] {
  const out: SvgElement[] = match(tree) ? [tree] : [];
  for (const child of tree.children) if (typeof child !== 'string') out.push(...all(child, match));
  return out;
}

describe('compare chart (render tree)', () => {
  const series = compareSeries(example('clickstream/serverless.yml'), { functions: {} }, 'sessionize');
  const tree = chartTree(series, { subject: 'sessionize' });

  it('says what it shows in <title> and <desc>, with the break-even and today in words', () => {
    const title = all(tree, (e) => e.tag === 'title')[0];
    const desc = all(tree, (e) => e.tag === 'desc')[0];
    assert.deepEqual(title.children, ['Cost per day of sessionize over load']);
    assert.match(String(desc.children[0]), /On x86_64 Lambda costs more than the cluster above 1\.348\/minute/);
    assert.match(String(desc.children[0]), /Today: 50\/minute at \$513\.02 a day on x86_64\./);
  });

  it('draws both lines, the cluster, both break-even marks and today, each mark focusable with a label', () => {
    assert.equal(all(tree, (e) => e.tag === 'path' && String(e.attrs.class).includes('pl-chart-line')).length, 2);
    assert.equal(all(tree, (e) => e.attrs.class === 'pl-chart-cluster' && e.tag === 'line').length, 2, 'the line and its legend');
    const marks = all(tree, (e) => e.attrs['data-mark'] !== undefined);
    assert.deepEqual(marks.map((m) => m.attrs['data-mark']), ['breakeven-x86_64', 'breakeven-arm64', 'today']);
    for (const mark of marks) {
      assert.equal(mark.attrs.tabindex, 0);
      assert.ok(String(mark.attrs['aria-label']).length > 10);
    }
    const samples = all(tree, (e) => String(e.attrs.class ?? '').startsWith('pl-chart-point'));
    assert.equal(samples.length, series.lines.x86_64.length * 2);
    assert.equal(samples.filter((s) => s.attrs.tabindex === 0).length, 2, 'one tab stop per line');
  });

  it('serialises to SVG text, and gives the data table the same numbers', () => {
    const svg = serializeSvg(tree);
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="pl-chart"'));
    const rows = chartRows(series);
    assert.equal(rows.length, series.lines.x86_64.length);
    assert.deepEqual(rows[0].slice(3), ['$13.82']);
  });

  it('says why instead of drawing when the duration is unknown', () => {
    const unknown = compareSeries(analyze('pipeline:\n  stages:\n    work: {}\n'), { functions: {} }, 'work');
    const empty = chartTree(unknown, { subject: 'work' });
    assert.match(serializeSvg(empty), /No chart: the expected duration is unknown/);
  });
});
