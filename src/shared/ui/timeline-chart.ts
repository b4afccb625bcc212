import type { TimelinePoint } from '../entity-card';
import { layoutTimeline, timelineYears, type ChartSize } from '../timeline';
import { el } from './dom';
import { plural, t } from '../i18n';
import { formatDate, formatYear } from './format';
import type { ViewLinks } from './passage-links';

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element from plain values; text goes in as text, as everywhere (dom.ts). */
function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** A statement is a dot, a question a square, so that the two differ by more than colour. */
function pointShape(point: TimelinePoint, x: number, y: number, size: number): SVGElement {
  const attributes = {
    class: `sl-chart-point sl-chart-${point.kind}`,
    'data-kind': point.kind,
    'data-id': point.id,
    'data-date': point.date ?? '',
  };
  const tooltip = svg('title', {}, t('chartPointTitle', formatDate(point.date) ?? t('noDate'), point.label));
  return point.kind === 'statement'
    ? svg('circle', { ...attributes, cx: x, cy: y, r: size }, tooltip)
    : svg('rect', { ...attributes, x: x - size, y: y - size, width: 2 * size, height: 2 * size }, tooltip);
}

/**
 * The dated points as a chart: a column per year on a time axis, each point opening its passage on a click. Hidden
 * from assistive technology (`aria-hidden`), its points never focusable: the same items are listed beside it as text,
 * which is the keyboard's and the screen reader's way through them. Null when no point is dated.
 */
export function timelineChart(
  points: readonly TimelinePoint[],
  links: ViewLinks,
  size: ChartSize,
): SVGSVGElement | null {
  const layout = layoutTimeline(points, size);
  if (layout.points.length === 0) return null;
  const chart = svg('svg', {
    class: 'sl-timeline-chart',
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    width: layout.width,
    height: layout.height,
    'aria-hidden': 'true',
    focusable: 'false',
  });
  const first = layout.years[0];
  const last = layout.years[layout.years.length - 1];
  if (first && last)
    chart.append(
      svg('line', { class: 'sl-chart-axis', x1: first.x - 8, x2: last.x + 8, y1: layout.axisY, y2: layout.axisY }),
    );
  for (const { year, x, labelled } of layout.years) {
    chart.append(svg('line', { class: 'sl-chart-tick', x1: x, x2: x, y1: layout.axisY, y2: layout.axisY + 3 }));
    if (labelled)
      chart.append(
        svg('text', { class: 'sl-chart-year', x, y: layout.axisY + 13, 'text-anchor': 'middle' }, formatYear(year)),
      );
  }
  for (const { point, x, y, size: pointSize } of layout.points)
    chart.append(links.chartPoint(point.source, pointShape(point, x, y, pointSize)));
  return chart;
}

/** What the chart shows, said in words: how many items it places, over which years, and how many have no date. */
export function timelineSummary(points: readonly TimelinePoint[]): string {
  const { years, undated } = timelineYears(points);
  const dated = points.length - undated.length;
  const statements = points.filter((p) => p.kind === 'statement').length;
  const questions = points.length - statements;
  const counted = [
    statements > 0 ? plural('countStatements', statements) : null,
    questions > 0 ? plural('countQuestions', questions) : null,
  ].filter((part): part is string => part !== null);
  const what = counted.length === 2 ? t('bothAnd', counted[0] ?? '', counted[1] ?? '') : (counted[0] ?? '');
  if (dated === 0) return t('timelineNoneDated', what);
  const first = years[0]?.year;
  const last = years[years.length - 1]?.year;
  const spanned =
    first === undefined || last === undefined
      ? what
      : first === last
        ? t('timelineIn', what, formatYear(first))
        : t('timelineFromTo', what, formatYear(first), formatYear(last));
  return undated.length > 0 ? t('timelineSomeUndated', spanned, undated.length) : t('sentence', spanned);
}

/** The card's timeline: a small chart of everything the entity said or asked, with its summary in words. */
export function compactTimeline(points: readonly TimelinePoint[], links: ViewLinks): HTMLElement | null {
  if (points.length === 0) return null;
  const chart = timelineChart(points, links, { width: 300, height: 52 });
  return el(
    'div',
    { class: 'sl-timeline-compact' },
    chart,
    el('p', { class: 'sl-note' }, t('timelineCompact', timelineSummary(points))),
  );
}
