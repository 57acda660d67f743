import { describe, expect, it } from 'vitest';
import { BANDS, NEAR_DUPLICATE_THRESHOLD, NUM_HASHES, NearDuplicateIndex, normalizeForShingles } from '@/lib/analysis/near-duplicate';

const macro = (name: string, order: string, extra = '') =>
  `Hi ${name},\n\nThank you for reaching out about order ${order}. We have checked with our warehouse and your parcel has been dispatched with our courier partner, so it should reach you within the next few working days. You will receive a tracking email once the courier scans it.${extra}\n\nBest regards,\nSam`;

// A deterministic generator of distinct replies, so the index is tested at realistic sizes.
function reply(i: number): string {
  const topics = ['router', 'invoice', 'parcel', 'refund', 'booking', 'meter', 'card', 'plan', 'seat', 'export'];
  const verbs = ['checked', 'moved', 'fixed', 'reset', 'cancelled', 'rebooked', 'credited', 'replaced', 'traced', 'updated'];
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
  let x = i * 2654435761 >>> 0;
  const pick = <T,>(a: T[]) => { x = (x * 1103515245 + 12345) >>> 0; return a[x % a.length]!; };
  return `I ${pick(verbs)} your ${pick(topics)} and the ${pick(topics)} this ${pick(['morning', 'evening'])}; next I will ${pick(['call', 'email', 'text'])} you on ${pick(days)} about the ${pick(topics)} that ${pick(verbs)} the ${pick(topics)} ${i} times.`;
}

describe('normalizeForShingles', () => {
  it('drops greeting and sign-off, lower-cases, and replaces names and numbers', () => {
    const words = normalizeForShingles('Hi Priya,\nYour order 48213 for £42.10 left our Leeds depot today.\nBest,\nSam');
    expect(words).toEqual(['your', 'order', '#', 'for', '#', 'left', 'our', '@', 'depot', 'today']);
  });
});

describe('NearDuplicateIndex', () => {
  it('produces the same signature and band keys on every run (fixed seeds)', () => {
    const a = NearDuplicateIndex.signature(macro('Priya', '48213'));
    const b = NearDuplicateIndex.signature(macro('Priya', '48213'));
    expect(a).toBeInstanceOf(Uint32Array);
    expect(a.length).toBe(NUM_HASHES);
    expect(Array.from(a)).toEqual(Array.from(b));
    const keys = NearDuplicateIndex.bandKeys(a);
    expect(keys).toHaveLength(BANDS);
    expect(new Set(keys).size).toBe(BANDS);
    for (const k of keys) expect(k).toMatch(/^[0-9a-f]{2}:[0-9a-f]{8}$/);
    // Pinned so a change of hashing or seeds (which would orphan persisted keys) is noticed.
    const pinned = NearDuplicateIndex.signature('I checked the router at your flat this morning and the line drops come from a faulty joint outside.');
    expect([pinned[0], pinned[63]]).toEqual([10067485, 309885042]);
    expect(NearDuplicateIndex.bandKeys(pinned).slice(0, 3)).toEqual(['00:3e8be67b', '01:549cecee', '02:6ec78379']);
  });

  it('treats one macro sent to two customers as the same reply', () => {
    const a = NearDuplicateIndex.signature(macro('Priya', '48213'));
    const b = NearDuplicateIndex.signature(macro('Tom O\u2019Neill', '9'));
    expect(NearDuplicateIndex.similarity(a, b)).toBe(1);
    expect(NearDuplicateIndex.bandKeys(a)).toEqual(NearDuplicateIndex.bandKeys(b));
  });

  it('finds an edited copy and reports its id and similarity', () => {
    const index = new NearDuplicateIndex();
    for (let i = 0; i < 2000; i++) index.add(`gen-${i}`, reply(i));
    index.add('macro-1', macro('Tom', '55120'));
    const hit = index.query(macro('Priya', '48213', ' I have also added a note to your account.'));
    expect(hit?.id).toBe('macro-1');
    expect(hit!.similarity).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    expect(hit!.similarity).toBeLessThan(1);
  });

  it('returns null for unrelated and for too-short replies', () => {
    const index = NearDuplicateIndex.fromReplies([{ id: 'm', text: macro('Tom', '1') }]);
    expect(index.query('I replaced the router this morning and the line has been stable since, so I will close the fault on Friday.')).toBeNull();
    expect(NearDuplicateIndex.signature('Thanks Sam, done.')).toHaveLength(0);
    expect(NearDuplicateIndex.bandKeys(new Uint32Array(0))).toEqual([]);
    expect(index.query('Thanks Sam, done.')).toBeNull();
    expect(new NearDuplicateIndex().query(macro('Tom', '1'))).toBeNull();
  });

  it('prefers the most recently added reply among equally similar ones', () => {
    const index = new NearDuplicateIndex();
    index.add('old', macro('Ann', '1'));
    index.add('new', macro('Bob', '2'));
    expect(index.query(macro('Cy', '3'))).toEqual({ id: 'new', similarity: 1 });
  });

  it('rebuilds from persisted signatures', () => {
    const sig = NearDuplicateIndex.signature(macro('Ann', '1'));
    const copy = Uint32Array.from(Array.from(sig));
    const index = new NearDuplicateIndex();
    index.addSignature('persisted', copy);
    expect(index.size).toBe(1);
    expect(index.query(macro('Bob', '2'))).toEqual({ id: 'persisted', similarity: 1 });
  });

  it('honours a custom threshold', () => {
    const strict = new NearDuplicateIndex({ threshold: 0.99 });
    strict.add('m', macro('Ann', '1'));
    expect(strict.query(macro('Bob', '2', ' I have also added a note to your account so the courier calls first.'))).toBeNull();
    expect(strict.query(macro('Bob', '2'))).not.toBeNull();
  });

  it('keeps lookups bounded when thousands of copies share buckets', () => {
    const index = new NearDuplicateIndex();
    for (let i = 0; i < 5000; i++) index.add(`copy-${i}`, macro(`Name${i}`, String(i)));
    expect(index.size).toBe(5000);
    expect(index.query(macro('Zed', '77'))).toEqual({ id: 'copy-4999', similarity: 1 });
  });
});
