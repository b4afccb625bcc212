// `npm run eval`: prints precision, recall, misattributions, alias merges and abstentions by reason, per set, per
// pattern and per trap, and writes the tables to out/eval.md and out/eval.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, NEWS_SETS, repo, row, TUNED_SETS, type NewsSet, type Outcome, type Row } from './score';

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const table = (rows: readonly Row[]): string[] => [
  '| set | quotes | named | right | right null | misattributed | abstained | precision | recall | right speaker |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.quotes} | ${r.named} | ${r.right} | ${r.rightNull} | ${r.misattributed} | ${r.abstained} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.accuracy)} |`,
  ),
];

/** `--sets news`: score only the named news sets; without it, every set not held out (`HELD_OUT_SETS`). */
function chosenSets(): readonly NewsSet[] {
  const at = process.argv.indexOf('--sets');
  if (at === -1) return TUNED_SETS;
  const names = (process.argv[at + 1] ?? '').split(',');
  const unknown = names.filter((n) => !(NEWS_SETS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new Error(`--sets: no news set ${unknown.join(', ')} (${NEWS_SETS.join(', ')})`);
  return NEWS_SETS.filter((s) => names.includes(s));
}

function report(): void {
  const { outcomes, spurious, merges } = evaluate(chosenSets());
  const setName = (o: Outcome): string => (o.set.startsWith('patterns/') ? 'patterns' : o.set);
  const sets = [...new Set(outcomes.map(setName))];
  const bySet = sets.map((s) =>
    row(
      s,
      outcomes.filter((o) => setName(o) === s),
    ),
  );
  const news = outcomes.filter((o) => o.set === 'news');
  const patterns = [...new Set(news.map((o) => o.label.pattern))].sort();
  const byPattern = patterns.map((p) =>
    row(
      p,
      news.filter((o) => o.label.pattern === p),
    ),
  );
  const traps = [...new Set(news.flatMap((o) => (o.label.trap === undefined ? [] : [o.label.trap])))].sort();
  const byTrap = traps.map((t) =>
    row(
      t,
      news.filter((o) => o.label.trap === t),
    ),
  );
  const reasons = new Map<string, number>();
  for (const o of news.filter((x) => x.verdict === 'abstained')) {
    const reason =
      o.got === undefined ? 'no statement at this quote' : (o.got.unattributedReason ?? `cue ${o.got.cue}`);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const mergeRows = sets.map((s) => {
    const ms = merges.filter((m) => (m.set.startsWith('patterns/') ? 'patterns' : m.set) === s);
    return `| ${s} | ${ms.length} | ${ms.filter((m) => m.merged).length} | ${ms.filter((m) => m.found < m.forms.length).length} |`;
  });
  const lines = [
    '# Attribution eval',
    '',
    '"right speaker" counts a null label with a null answer as right; precision is over the quotes the compiler gave a named speaker.',
    '',
    '## By set',
    ...table(bySet),
    '',
    '## News set, by pattern',
    ...table(byPattern),
    '',
    '## News set, by trap',
    ...table(byTrap),
    '',
    '## Alias groups merged',
    '| set | groups | merged | some form never recognised |',
    '|---|---|---|---|',
    ...mergeRows,
    '',
    '## Alias groups not merged',
    ...merges
      .filter((m) => !m.merged)
      .map((m) => {
        const forms = m.forms.map((f, i) => {
          const names = m.entitiesByForm[i] ?? [];
          return names.length === 0 ? `"${f}" never recognised` : `"${f}" → ${names.join(' | ')}`;
        });
        return `- ${m.set} ${m.document}: ${forms.join('; ')}`;
      }),
    '',
    '## News set, abstentions by reason',
    ...[...reasons.entries()].sort((a, b) => b[1] - a[1]).map(([r, n]) => `- ${r}: ${n}`),
    '',
    '## Misattributions',
    ...outcomes
      .filter((o) => o.verdict === 'misattributed')
      .map(
        (o) =>
          `- ${o.set} ${o.document}: "${o.label.startsWith}" labelled ${o.label.speaker ?? 'null'}, got ${o.gotName ?? 'null'} (${o.got?.cue ?? ''})`,
      ),
    '',
    '## Non-speech given a named speaker',
    ...spurious.map((s) => `- ${s.set} ${s.document}: "${s.startsWith}" got ${s.gotName}`),
  ];
  const text = lines.join('\n') + '\n';
  console.log(text);
  const outDir = join(repo, 'out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'eval.md'), text);
  writeFileSync(
    join(outDir, 'eval.json'),
    JSON.stringify(
      {
        bySet,
        byPattern,
        byTrap,
        reasons: Object.fromEntries(reasons),
        spurious,
        merges,
        outcomes: outcomes.map((o) => ({
          set: o.set,
          document: o.document,
          startsWith: o.label.startsWith,
          pattern: o.label.pattern,
          speaker: o.label.speaker,
          got: o.gotName,
          cue: o.got?.cue ?? null,
          reason: o.got?.unattributedReason ?? null,
          verdict: o.verdict,
        })),
      },
      null,
      2,
    ),
  );
  if (process.argv.includes('--misses')) {
    const newsSets = outcomes.filter((o) => (NEWS_SETS as readonly string[]).includes(o.set));
    for (const o of newsSets.filter((x) => x.verdict !== 'right' && x.verdict !== 'right-null')) {
      console.log(
        `${o.verdict} ${o.set} ${o.document} [${o.label.pattern}] "${o.label.startsWith}" want ${o.label.speaker} got ${o.gotName} (${o.got?.cue ?? 'none'}${o.got?.unattributedReason ? ' ' + o.got.unattributedReason : ''})`,
      );
    }
  }
}

report();
