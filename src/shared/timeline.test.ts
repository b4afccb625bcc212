import { describe, expect, it } from 'vitest';
import type { CardQuestion, CardStatement, PassageSource, TimelinePoint } from './entity-card';
import { layoutTimeline, timelinePoints, timelineYears } from './timeline';

const source = (documentId: string, date?: string): PassageSource => ({
  packId: 'p',
  corpusTitle: 'Corpus',
  documentId,
  documentTitle: `Title ${documentId}`,
  ...(date ? { date } : {}),
  start: 0,
  end: 10,
});

const statement = (id: string, date?: string, alsoIn: CardStatement['alsoIn'] = []): CardStatement => ({
  id,
  excerpt: { text: `Words of ${id}`, highlights: [] },
  source: source(`doc-${id}`, date),
  alsoIn,
});

const question = (id: string, relation: 'asked' | 'answered', dates: Partial<CardQuestion>): CardQuestion => ({
  id,
  relation,
  house: 'commons',
  askerName: 'A Member',
  answererName: null,
  questionText: `Question ${id}`,
  answerText: null,
  dateAnswered: null,
  source: source(`doc-${id}`),
  ...dates,
});

const point = (id: string, date?: string): TimelinePoint => ({
  kind: 'statement',
  id,
  ...(date ? { date } : {}),
  label: id,
  source: source(id, date),
});

describe('timelinePoints', () => {
  it('puts statements and questions in date order, the undated last in the order given', () => {
    const points = timelinePoints(
      [statement('s2020', '2020-09-10'), statement('undated'), statement('s2017', '2017-03-05')],
      [question('q', 'asked', { dateAsked: '2018-01-02', dateAnswered: '2018-02-01' })],
    );
    expect(points.map((p) => [p.kind, p.id, p.date])).toEqual([
      ['statement', 's2017', '2017-03-05'],
      ['question', 'q', '2018-01-02'],
      ['statement', 's2020', '2020-09-10'],
      ['statement', 'undated', undefined],
    ]);
  });

  it('dates a statement given in several sources by the earliest, and opens that source', () => {
    const [first] = timelinePoints(
      [
        statement('s', '2021-05-01', [
          { source: source('later', '2022-01-01'), wording: 'same' },
          { source: source('earlier', '2019-07-07'), wording: 'part' },
          { source: source('undated'), wording: 'same' },
        ]),
      ],
      [],
    );
    expect(first?.date).toBe('2019-07-07');
    expect(first?.source.documentId).toBe('earlier');
  });

  it('dates a question by when the entity acted on it: asked, or answered', () => {
    const dates = { dateAsked: '2018-01-02', dateAnswered: '2018-02-01' };
    expect(timelinePoints([], [question('a', 'asked', dates)])[0]?.date).toBe('2018-01-02');
    expect(timelinePoints([], [question('b', 'answered', dates)])[0]?.date).toBe('2018-02-01');
    expect(timelinePoints([], [question('c', 'answered', { dateAsked: '2018-01-02' })])[0]?.date).toBe('2018-01-02');
  });
});

describe('timelineYears', () => {
  it('groups the dated points by year, earliest first, and keeps the undated apart', () => {
    const { years, undated } = timelineYears([
      point('b', '2020-09-10'),
      point('x'),
      point('a', '2017-03-05'),
      point('c', '2020-01-01'),
    ]);
    expect(years.map((y) => [y.year, y.points.map((p) => p.id)])).toEqual([
      [2017, ['a']],
      [2020, ['c', 'b']],
    ]);
    expect(undated.map((p) => p.id)).toEqual(['x']);
  });
});

describe('layoutTimeline', () => {
  const size = { width: 300, height: 100 };

  it('gives every year from the first to the last a column, the empty ones too, left to right', () => {
    const layout = layoutTimeline([point('a', '2017-03-05'), point('b', '2020-09-10')], size);
    expect(layout.years.map((y) => y.year)).toEqual([2017, 2018, 2019, 2020]);
    const xs = layout.years.map((y) => y.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(layout.points.map((p) => p.x)).toEqual([layout.years[0]?.x, layout.years[3]?.x]);
  });

  it('stacks a year’s points upward in date order, above the axis and inside the chart', () => {
    const layout = layoutTimeline(
      [point('c', '2020-09-10'), point('a', '2020-01-01'), point('b', '2020-05-05'), point('undated')],
      size,
    );
    expect(layout.points.map((p) => p.point.id)).toEqual(['a', 'b', 'c']);
    const ys = layout.points.map((p) => p.y);
    expect(ys).toEqual([...ys].sort((a, b) => b - a));
    for (const p of layout.points) {
      expect(p.y + p.size).toBeLessThan(layout.axisY);
      expect(p.y - p.size).toBeGreaterThanOrEqual(0);
    }
  });

  it('is as tall as its tallest column needs, up to the height it is given', () => {
    const two = layoutTimeline([point('a', '2020-01-01'), point('b', '2020-02-02')], size);
    expect(two.height).toBeLessThan(size.height);
    const many = layoutTimeline(
      Array.from({ length: 50 }, (_, i) => point(`p${i}`, '2020-01-01')),
      size,
    );
    expect(many.height).toBe(size.height);
  });

  it('packs a crowded year closer so that all its points stay inside the chart', () => {
    const many = Array.from({ length: 200 }, (_, i) => point(`p${i}`, '2020-01-01'));
    const layout = layoutTimeline(many, size);
    expect(layout.points).toHaveLength(200);
    expect(Math.min(...layout.points.map((p) => p.y - p.size))).toBeGreaterThanOrEqual(0);
  });

  it('thins the year labels of a long span so that they do not overlap, keeping the first and last', () => {
    const layout = layoutTimeline([point('a', '1988-07-19'), point('b', '2024-01-01')], size);
    const labelled = layout.years.filter((y) => y.labelled);
    expect(labelled[0]?.year).toBe(1988);
    expect(labelled[labelled.length - 1]?.year).toBe(2024);
    for (let i = 1; i < labelled.length; i++)
      expect((labelled[i]?.x ?? 0) - (labelled[i - 1]?.x ?? 0)).toBeGreaterThanOrEqual(40);
  });

  it('places nothing when no point is dated', () => {
    expect(layoutTimeline([point('x')], size).points).toEqual([]);
  });
});
