/**
 * The situations corpus (tests/corpus/situations/situations.jsonl) run through suggest(): category and
 * mood accuracy, plus the issue's rules checked row by row. Shared by situations.test.ts (which asserts)
 * and anyone who wants the figures (`situationsReport()`).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { suggest, type SuggestOutput } from '@/lib/suggest';

export const CORPUS = fileURLToPath(new URL('../../corpus/situations/situations.jsonl', import.meta.url));
/** Fixed, so tenure in years is reproducible. */
export const CORPUS_NOW = new Date('2024-06-01T12:00:00Z');

export interface SituationRow {
  id: string;
  customer_message: string;
  name: string | null;
  customer_since: string | null;
  contact_count: number | null;
  promise_missed: string | null;
  category: string;
  mood: string;
  expect_mentions?: string[];
  expect_language?: 'en' | 'other';
  expect_notes?: string[];
}

export interface RowResult {
  row: SituationRow;
  output: SuggestOutput;
  categoryOk: boolean;
  moodOk: boolean;
  /** Broken rules, in words; empty when the row passes. */
  problems: string[];
}

export interface SituationsReport {
  rows: number;
  categoryAccuracy: number;
  moodAccuracy: number;
  /** Rows that break a rule (independent of classification accuracy). */
  ruleFailures: Array<{ id: string; problems: string[] }>;
  misclassified: Array<{ id: string; expected: string; got: string }>;
  results: RowResult[];
}

export async function loadSituations(): Promise<SituationRow[]> {
  const text = await readFile(CORPUS, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SituationRow);
}

export function runRow(row: SituationRow): SuggestOutput {
  return suggest({
    message: row.customer_message,
    record: {
      ...(row.name ? { name: row.name } : {}),
      ...(row.customer_since ? { customerSince: row.customer_since } : {}),
      ...(row.contact_count !== null ? { contactsLast30Days: row.contact_count } : {}),
      missedPromise: row.promise_missed ? { text: row.promise_missed } : null,
    },
    now: CORPUS_NOW,
  });
}

// Written independently of lib/suggest/safety.ts, so the test does not just re-run the code's own list.
const APOLOGY = /\b(?:sorry|apologi[sz]e\w*|apologies)\b/i;
const RETENTION = /\b(?:stay|staying|reconsider|change your mind|offers?|discounts?|deals?|retain|special price|keep you|before you go|sorry to see you go|upgrade|free months?|half price|are you sure)\b/i;
const HEDGED = /\b(?:any inconvenience|if you were upset|sorry you feel)\b/i;
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function yearsBetween(iso: string, now: Date): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const since = Date.UTC(y, mo - 1, d);
  if (Number.isNaN(since) || since > now.getTime() || mo < 1 || mo > 12) return null;
  let years = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < mo || (now.getUTCMonth() + 1 === mo && now.getUTCDate() < d)) years--;
  return years;
}

const countPattern = (n: number) => new RegExp(`\\b(?:${n}|${NUMBER_WORDS[n] ?? n}|${['', '', '', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'][n] ?? `${n}th`})\\b`, 'i');

/** The rules from the issue, checked on one row's output. */
export function checkRules(row: SituationRow, out: SuggestOutput): string[] {
  const problems: string[] = [];
  const texts = out.suggestions.map((s) => s.text);
  const all = texts.join('\n');
  if (out.suggestions.length < 3) problems.push(`only ${out.suggestions.length} suggestions`);
  if (HEDGED.test(all)) problems.push('hedged apology ("any inconvenience" or similar)');

  const category = out.situation.category;
  if (category === 'praise' || category === 'how-to') {
    if (out.suggestions.some((s) => s.kind === 'apology') || APOLOGY.test(all)) problems.push(`apology offered for ${category}`);
  }
  if (out.situation.mood === 'leaving' && RETENTION.test(all)) problems.push(`retention wording for a leaver: "${RETENTION.exec(all)?.[0]}"`);

  const years = row.customer_since ? yearsBetween(row.customer_since, CORPUS_NOW) : null;
  if (years !== null && years >= 3 && row.customer_since) {
    const monthYear = `${MONTHS[Number(row.customer_since.slice(5, 7)) - 1]} ${row.customer_since.slice(0, 4)}`;
    const thanked = out.suggestions.some(
      (s) => s.kind === 'thanks' && (s.text.includes(monthYear) || new RegExp(`\\b(?:${years}|${NUMBER_WORDS[years] ?? '#'}) years?\\b`, 'i').test(s.text)),
    );
    if (!thanked) problems.push(`tenure of ${years} years (since ${monthYear}) not thanked`);
  }

  if (row.contact_count !== null && row.contact_count >= 3) {
    const owned = texts.some((t) => countPattern(row.contact_count ?? 3).test(t) && /\b(?:contact|contacts|times|twice)\b/i.test(t));
    if (!owned) problems.push(`${row.contact_count} contacts not owned`);
  }

  if (row.promise_missed) {
    const words = row.promise_missed.toLowerCase().match(/[a-z£0-9]{4,}/g) ?? [];
    const named = texts.some((t) => {
      const lower = t.toLowerCase();
      return words.filter((w) => lower.includes(w)).length >= Math.ceil(words.length * 0.6);
    });
    if (!named) problems.push(`missed promise "${row.promise_missed}" not named`);
  }

  for (const m of row.expect_mentions ?? []) if (!all.includes(m)) problems.push(`does not mention "${m}"`);
  if (row.expect_language && out.situation.language !== row.expect_language) problems.push(`language ${out.situation.language}, expected ${row.expect_language}`);
  for (const n of row.expect_notes ?? []) if (!out.notes.some((x) => x.includes(n))) problems.push(`no note mentioning "${n}"`);
  return problems;
}

export async function situationsReport(): Promise<SituationsReport> {
  const rows = await loadSituations();
  const results: RowResult[] = rows.map((row) => {
    const output = runRow(row);
    return {
      row,
      output,
      categoryOk: output.situation.category === row.category,
      moodOk: output.situation.mood === row.mood,
      problems: checkRules(row, output),
    };
  });
  const n = results.length || 1;
  return {
    rows: results.length,
    categoryAccuracy: results.filter((r) => r.categoryOk).length / n,
    moodAccuracy: results.filter((r) => r.moodOk).length / n,
    ruleFailures: results.filter((r) => r.problems.length > 0).map((r) => ({ id: r.row.id, problems: r.problems })),
    misclassified: results
      .filter((r) => !r.categoryOk || !r.moodOk)
      .map((r) => ({ id: r.row.id, expected: `${r.row.category}/${r.row.mood}`, got: `${r.output.situation.category}/${r.output.situation.mood}` })),
    results,
  };
}
