/**
 * Benchmarks of the canned-reply analyzer (not timed tests: nothing here asserts a time).
 * Everything generated is deterministic, so runs are comparable.
 */
import { performance } from 'node:perf_hooks';
import { analyze, NearDuplicateIndex } from '@/lib/analysis';
import type { BenchResult } from './types';

const WARMUP = 500;
const ITERATIONS = 5000;
const PAST_REPLIES = 50_000;
const LOOKUPS = 5000;

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

const NAMES = ['Priya', 'Tom', 'Aisha', 'Marco', 'Helen', 'Kofi', 'Yuki', 'Lena', 'Omar', 'Grace', 'Dev', 'Sofia'];
const THINGS = ['router', 'invoice', 'parcel', 'refund', 'booking', 'meter reading', 'debit card', 'data plan', 'seat', 'export', 'SIM', 'boiler', 'direct debit', 'suitcase', 'subscription'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'tomorrow', 'today'];
// Sentence templates shared across many replies, as real reply histories (macros plus edits) are.
const SENTENCES = [
  'Thank you for contacting us about your {t}.',
  'I checked your {t} this morning and found the problem.',
  'We apologize for any inconvenience this may have caused.',
  'Your request has been forwarded to the relevant department.',
  'I have refunded {n} to your card and it should arrive by {d}.',
  'The engineer is booked for {d} between 8am and 1pm.',
  'Your {t} was delayed at the depot after a scanner fault.',
  'I moved your {t} to {d} so it fits around your work.',
  'If you have any further questions, please do not hesitate to contact us.',
  'I will call you on {d} at {n}pm to confirm it worked.',
  'The charge of {n} on your {t} came from a duplicate payment.',
  'Please allow {n} working days for the change to show.',
  'I have added a note so this does not happen again with your {t}.',
  'Your {t} is now active and you should see it in the app.',
  'Could you send me a photo of the {t} label?',
  'I am sorry the {t} arrived late; that was our mistake.',
  'Our team is looking into this and will update you shortly.',
  'I escalated your {t} to Marta in billing who will email you {d}.',
];

function fill(template: string, rnd: () => number): string {
  const pick = <T,>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  return template.replace('{t}', pick(THINGS)).replace('{d}', pick(DAYS)).replace('{n}', String(1 + Math.floor(rnd() * 500)));
}

function generatedReply(rnd: () => number): string {
  const n = 3 + Math.floor(rnd() * 4);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(fill(SENTENCES[Math.floor(rnd() * SENTENCES.length)]!, rnd));
  return `Hi ${NAMES[Math.floor(rnd() * NAMES.length)]},\n${parts.join(' ')}\nBest,\nSam`;
}

function draftOf(words: number, rnd: () => number): string {
  let text = `Hi Priya,\n`;
  while (text.split(/\s+/).length < words) text += `${fill(SENTENCES[Math.floor(rnd() * SENTENCES.length)]!, rnd)} `;
  return `${text.trim()}\nKind regards,\nSam`;
}

function time(fn: () => void, warmup: number, iterations: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const samples = new Array<number>(iterations);
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    fn();
    samples[i] = performance.now() - t;
  }
  return samples.sort((a, b) => a - b);
}

/** A fixed ~0.1 ms CPU loop: its p99 shows how much of a p99 is the machine (preemption, noisy neighbours). */
// Module-level, so the optimiser cannot drop the loop whose result lands here.
let blackhole = 0;

function noiseFloor(): number[] {
  return time(
    () => {
      let x = 0;
      for (let k = 0; k < 20_000; k++) x = (Math.imul(x, 31) + k) | 0;
      blackhole ^= x;
    },
    200,
    2000,
  );
}

export async function benchAnalysis(): Promise<BenchResult[]> {
  const noise = noiseFloor();
  const rnd = mulberry32(20240601);
  const draft = draftOf(250, rnd);
  const words = draft.split(/\s+/).length;
  const ctx = { customerName: 'Priya Shah', customerMessage: 'My router keeps dropping every evening since order 48213 was delivered.' };

  const analysis = time(() => void analyze(draft, ctx), WARMUP, ITERATIONS);

  const index = new NearDuplicateIndex();
  const stored: string[] = [];
  const buildStart = performance.now();
  for (let i = 0; i < PAST_REPLIES; i++) {
    const reply = generatedReply(rnd);
    if (i % 10 === 0) stored.push(reply);
    index.add(`past-${i}`, reply);
  }
  const buildMs = performance.now() - buildStart;

  // Half the lookups are lightly edited copies of stored replies (should match), half are new replies.
  const queries = Array.from({ length: LOOKUPS }, (_, i) =>
    i % 2 === 0 ? `${stored[i % stored.length]!.replace('Hi ', 'Hello ')} Thanks again.` : generatedReply(rnd),
  );
  let q = 0;
  let hits = 0;
  const lookup = time(
    () => {
      if (index.query(queries[q++ % queries.length]!)) hits++;
    },
    200,
    LOOKUPS,
  );
  q = 0;
  const withHistory = time(() => void analyze(queries[q++ % queries.length]!, { ...ctx, pastReplies: index }), 200, 2000);

  const noiseAfter = noiseFloor();
  const worstNoise = percentile(noiseAfter, 0.99) > percentile(noise, 0.99) ? noiseAfter : noise;

  return [
    {
      name: 'analysis p99, 250-word draft',
      value: round(percentile(analysis, 0.99)),
      unit: 'ms',
      target: '< 2 ms',
      detail: `${words} words; p50 ${round(percentile(analysis, 0.5))} ms; ${ITERATIONS} runs after ${WARMUP} warm-up`,
    },
    {
      name: 'near-duplicate lookup p99, 50,000 past replies',
      value: round(percentile(lookup, 0.99)),
      unit: 'ms',
      target: '< 2 ms',
      detail: `p50 ${round(percentile(lookup, 0.5))} ms; ${LOOKUPS} lookups (${Math.round((hits / (LOOKUPS + 200)) * 100)}% matched) after 200 warm-up`,
    },
    {
      name: 'analysis incl. near-duplicate lookup p99, 50,000 past replies',
      value: round(percentile(withHistory, 0.99)),
      unit: 'ms',
      detail: `p50 ${round(percentile(withHistory, 0.5))} ms; 2000 runs`,
    },
    {
      name: 'timer noise: p99 of a fixed ~0.1 ms CPU loop',
      value: round(percentile(worstNoise, 0.99)),
      unit: 'ms',
      detail: `worse of runs before and after the benchmarks; p50 ${round(percentile(worstNoise, 0.5))} ms; if p99 ≫ p50 here, the p99 figures above are dominated by the machine, not the code`,
    },
    {
      name: 'near-duplicate index build, 50,000 replies',
      value: Math.round(buildMs),
      unit: 'ms',
      detail: `${Math.round((buildMs / PAST_REPLIES) * 1000)} µs per reply (signature + 16 band inserts)`,
    },
  ];
}
