/**
 * A person's or a body's statements and questions in time: which date each stands at, how they fall into years, and
 * where each goes on a small chart with a column per year. Pure: the chart's drawing is ui/timeline-chart.ts.
 */
import type { CardQuestion, CardStatement, TimelinePoint } from './entity-card';
import { t } from './i18n';

/** The source of a statement's first date: the earliest any of its sources gives; its own when none is dated. */
export function firstSource(statement: CardStatement): CardStatement['source'] {
  let first = statement.source;
  for (const { source } of statement.alsoIn)
    if (source.date !== undefined && (first.date === undefined || source.date < first.date)) first = source;
  return first;
}

/** The day a question stands at: when the entity acted on it, else the other date, else its document's. */
function questionDate(question: CardQuestion): string | undefined {
  const asked = question.dateAsked ?? undefined;
  const answered = question.dateAnswered ?? undefined;
  return (question.relation === 'asked' ? (asked ?? answered) : (answered ?? asked)) ?? question.source.date;
}

const LABEL_LENGTH = 90;
const labelOf = (text: string): string => (text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH)}…` : text);

/** Dated first, earliest first; undated last; items of one day in the order given. */
export function inDateOrder<T>(items: readonly T[], dateOf: (item: T) => string | undefined): T[] {
  return items
    .map((item, order) => ({ item, order, date: dateOf(item) }))
    .sort(
      (a, b) =>
        (a.date === undefined ? 1 : 0) - (b.date === undefined ? 1 : 0) ||
        (a.date ?? '').localeCompare(b.date ?? '') ||
        a.order - b.order,
    )
    .map(({ item }) => item);
}

const pointDate = (point: TimelinePoint): string | undefined => point.date;

/** The timeline of an entity's statements and questions: one point per item, in date order, undated last. */
export function timelinePoints(
  statements: readonly CardStatement[],
  questions: readonly CardQuestion[],
): TimelinePoint[] {
  const points: TimelinePoint[] = [
    ...statements.map((statement): TimelinePoint => {
      const source = firstSource(statement);
      return {
        kind: 'statement',
        id: statement.id,
        ...(source.date !== undefined ? { date: source.date } : {}),
        label: `“${labelOf(statement.excerpt.text)}”`,
        source,
      };
    }),
    ...questions.map((question): TimelinePoint => {
      const date = questionDate(question);
      return {
        kind: 'question',
        id: question.id,
        ...(date !== undefined ? { date } : {}),
        label: `${t(question.relation === 'asked' ? 'badgeAsked' : 'badgeAnswered')}: ${labelOf(question.questionText)}`,
        source: question.source,
      };
    }),
  ];
  return inDateOrder(points, pointDate);
}

export interface TimelineYear {
  year: number;
  points: TimelinePoint[];
}

/** The dated points by year, earliest first (years with none left out), and the undated apart. */
export function timelineYears(points: readonly TimelinePoint[]): { years: TimelineYear[]; undated: TimelinePoint[] } {
  const years: TimelineYear[] = [];
  const undated: TimelinePoint[] = [];
  for (const point of inDateOrder(points, pointDate)) {
    if (point.date === undefined) {
      undated.push(point);
      continue;
    }
    const year = Number(point.date.slice(0, 4));
    const last = years[years.length - 1];
    if (last?.year === year) last.points.push(point);
    else years.push({ year, points: [point] });
  }
  return { years, undated };
}

export interface ChartSize {
  width: number;
  height: number;
}

export interface PlacedPoint {
  point: TimelinePoint;
  x: number;
  y: number;
  /** The radius of a statement's dot, half the side of a question's square. */
  size: number;
}

export interface TimelineLayout extends ChartSize {
  /** The chart is as tall as its tallest column needs, up to the height it was given. */
  /** Where the axis runs, and the year labels sit below it. */
  axisY: number;
  /** Every year from the first to the last, those with nothing too, so that the axis is one of time. */
  years: { year: number; x: number; labelled: boolean }[];
  /** In date order: left to right by year, bottom to top within one. */
  points: PlacedPoint[];
}

const SIDE_PADDING = 12;
const LABEL_ROOM = 16;
const TOP_PADDING = 4;
const LARGEST_POINT = 5;
const SMALLEST_POINT = 2;
/** A year label's width at the chart's font size, with room either side. */
const LABEL_WIDTH = 40;

/**
 * Places the dated points: a column per year, from the first year to the last, each point stacked above the one before
 * it. The chart is as tall as its tallest column needs, up to `size.height`; a year with more points than that holds
 * packs them closer. A chart of many years thins its labels.
 */
export function layoutTimeline(points: readonly TimelinePoint[], size: ChartSize): TimelineLayout {
  const { years: filled } = timelineYears(points);
  const first = filled[0]?.year;
  const last = filled[filled.length - 1]?.year;
  if (first === undefined || last === undefined)
    return { ...size, axisY: size.height - LABEL_ROOM, years: [], points: [] };
  const count = last - first + 1;
  const column = (size.width - 2 * SIDE_PADDING) / count;
  const pointSize = Math.max(SMALLEST_POINT, Math.min(LARGEST_POINT, column / 2 - 1));
  const tallest = Math.max(...filled.map((year) => year.points.length));
  const height = Math.min(size.height, TOP_PADDING + LABEL_ROOM + 2 + tallest * (2 * pointSize + 2));
  const axisY = height - LABEL_ROOM;
  const xOf = (year: number): number => SIDE_PADDING + (year - first + 0.5) * column;
  const every = Math.max(1, Math.ceil(LABEL_WIDTH / column));
  // Every `every`-th year is labelled, and the last, whose label no other crowds.
  const years = Array.from({ length: count }, (_, i) => ({
    year: first + i,
    x: xOf(first + i),
    labelled: i === count - 1 || (i % every === 0 && count - 1 - i >= every),
  }));
  const room = axisY - TOP_PADDING - 2 * pointSize;
  const placed: PlacedPoint[] = [];
  for (const { year, points: inYear } of filled) {
    const step = inYear.length > 1 ? Math.min(2 * pointSize + 2, room / (inYear.length - 1)) : 0;
    inYear.forEach((point, i) =>
      placed.push({ point, x: xOf(year), y: axisY - pointSize - 2 - i * step, size: pointSize }),
    );
  }
  return { width: size.width, height, axisY, years, points: placed };
}
