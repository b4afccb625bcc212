// Every hostile or broken pack in test/fixtures/hostile/ gets its exact error naming the field, or a safe result
// with its warnings; markup stays text. Parsing is what the background does before it stores anything, so a
// refused pack changes no stored corpus.
import { describe, expect, it } from 'vitest';
import { parsePack, withoutUnsafeUrls } from '../../src/corpus/pack';
import { HOSTILE_CASES } from '../fixtures/hostile/cases';

/** What the background's import does with the JSON before writing: the error it throws, or the pack and warnings. */
function importOutcome(json: string): { error: string } | { warnings: string[]; title: string; names: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { error: 'The file is not JSON' };
  }
  const { value, warnings } = withoutUnsafeUrls(raw);
  const parsed = parsePack(value);
  if (!parsed.ok) return { error: parsed.error };
  return { warnings, title: parsed.pack.title, names: parsed.pack.entities.map((e) => e.name) };
}

describe('hostile packs', () => {
  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('%s', (_, hostile) => {
    const outcome = importOutcome(hostile.json());
    if (hostile.error !== null) {
      expect('error' in outcome, JSON.stringify(outcome).slice(0, 200)).toBe(true);
      if ('error' in outcome) expect(outcome.error).toMatch(hostile.error);
      return;
    }
    expect('error' in outcome ? outcome.error : null).toBeNull();
    if ('error' in outcome) return;
    expect(outcome.warnings).toHaveLength(hostile.warnings?.length ?? 0);
    (hostile.warnings ?? []).forEach((pattern, i) => expect(outcome.warnings[i]).toMatch(pattern));
  });

  it('keeps "__proto__" and "constructor" as ordinary ids, resolvable like any other', () => {
    const proto = HOSTILE_CASES.find((c) => c.name.startsWith('"__proto__"'));
    const parsed = parsePack(JSON.parse(proto?.json() ?? '{}'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.pack.entities[0]?.id).toBe('__proto__');
    expect(parsed.pack.statements[0]?.speakerId).toBe('__proto__');
    expect(parsed.pack.documents[0]?.id).toBe('constructor');
    expect(Object.getPrototypeOf(parsed.pack.entities[0])).toBe(Object.prototype);
  });
});
