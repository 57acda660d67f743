import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_PATH, loadCorpus, scoreCorpus, summaryLine } from '../../corpus/promises/report';

// Every .jsonl file in the corpus folder counts: replies.jsonl (written before the finder) and
// replies-written-after-code.jsonl (a fresh check written once the finder existed).
const dir = dirname(CORPUS_PATH);
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
const rows = files.flatMap((f) => loadCorpus(join(dir, f)));

describe('promise corpus', () => {
  it('is big and varied enough to mean something', () => {
    expect(files).toContain('replies.jsonl');
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const negatives = rows.filter((r) => r.expected.length === 0).length;
    expect(negatives / rows.length).toBeGreaterThan(0.4);
    expect(negatives / rows.length).toBeLessThan(0.6);
    // Sent on a Friday and on a Saturday (weekday rules), at several offsets, in both date locales.
    const weekdays = new Set(rows.map((r) => new Date(Date.parse(r.sent_at.slice(0, 10))).getUTCDay()));
    expect(weekdays).toContain(5);
    expect(weekdays).toContain(6);
    expect(new Set(rows.map((r) => r.sent_at.slice(-6))).size).toBeGreaterThanOrEqual(6);
    expect(rows.some((r) => r.locale === 'en-GB')).toBe(true);
    expect(rows.some((r) => r.nudge)).toBe(true);
  });

  it('finds promises with precision and recall of at least 0.9 (due time must match exactly)', () => {
    const score = scoreCorpus(rows);
    console.log(summaryLine(score));
    expect(score.expected).toBeGreaterThan(60);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('nudges vague times and flags ambiguous dates where the corpus says so', () => {
    const score = scoreCorpus(rows);
    expect(score.nudgeAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(score.ambiguityAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});
