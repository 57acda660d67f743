/**
 * In-memory near-duplicate lookup over past replies. Designed so the background can persist
 * `signature()` (a Uint32Array) and `bandKeys()` (strings, for an IndexedDB multiEntry index) and later
 * rebuild an index with `addSignature()` without re-reading reply texts.
 */
import type { PastReply, SimilarReply } from '../types';
import { normalizeForShingles } from './normalize';
import { BANDS, NUM_HASHES, bandHashes, estimateSimilarity, minhash, shingleHashes } from './minhash';


export { normalizeForShingles } from './normalize';
export { BANDS, NUM_HASHES, ROWS, SHINGLE_SIZE } from './minhash';

/** Estimated Jaccard similarity at or above which a past reply counts as a near-duplicate. */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;
/**
 * Replies shorter than this (after normalisation) are neither indexed nor looked up: short courteous
 * replies ("Thanks Sam, done: refunded today.") legitimately repeat and say nothing about templates.
 */
export const MIN_WORDS = 10;
/**
 * Newest entries examined per bucket, so a lookup verifies at most BANDS × this many candidates. A bucket
 * only grows this large when hundreds of stored replies share a band, i.e. reuse the same macro text; the
 * newest of them stand for the rest and lookups stay bounded however templated the history is.
 */
export const BUCKET_SCAN_LIMIT = 128;

type Bucket = number | number[];

export class NearDuplicateIndex {
  readonly threshold: number;
  private ids: string[] = [];
  private sigs = new Uint32Array(NUM_HASHES * 64);
  private readonly bands: Array<Map<number, Bucket>> = Array.from({ length: BANDS }, () => new Map());
  private seen = new Uint32Array(64);
  // Reused between lookups: at most BANDS × BUCKET_SCAN_LIMIT candidates.
  private readonly candidates = new Int32Array(BANDS * BUCKET_SCAN_LIMIT);
  private stamp = 0;

  constructor(options: { threshold?: number } = {}) {
    this.threshold = options.threshold ?? NEAR_DUPLICATE_THRESHOLD;
  }

  static fromReplies(replies: Iterable<PastReply>, options?: { threshold?: number }): NearDuplicateIndex {
    const index = new NearDuplicateIndex(options);
    for (const r of replies) index.add(r.id, r.text);
    return index;
  }

  /** MinHash signature of the normalised reply; empty (length 0) when the reply is too short to compare. */
  static signature(text: string): Uint32Array {
    const words = normalizeForShingles(text);
    if (words.length < MIN_WORDS) return new Uint32Array(0);
    return minhash(shingleHashes(words));
  }

  /** One key per LSH band, `"<band>:<hash hex>"`; two replies are candidates when they share any key. */
  static bandKeys(signature: Uint32Array): string[] {
    if (signature.length !== NUM_HASHES) return [];
    return Array.from(bandHashes(signature), (h, b) => `${b.toString(16).padStart(2, '0')}:${h.toString(16).padStart(8, '0')}`);
  }

  static similarity(a: Uint32Array, b: Uint32Array): number {
    if (a.length !== NUM_HASHES || b.length !== NUM_HASHES) return 0;
    return estimateSimilarity(a, 0, b, 0);
  }

  /** Number of indexed replies (too-short ones are not counted). */
  get size(): number {
    return this.ids.length;
  }

  add(id: string, text: string): void {
    this.addSignature(id, NearDuplicateIndex.signature(text));
  }

  addSignature(id: string, signature: Uint32Array): void {
    if (signature.length !== NUM_HASHES) return;
    const n = this.ids.length;
    if ((n + 1) * NUM_HASHES > this.sigs.length) {
      const grown = new Uint32Array(this.sigs.length * 2);
      grown.set(this.sigs);
      this.sigs = grown;
      const seen = new Uint32Array(this.seen.length * 2);
      seen.set(this.seen);
      this.seen = seen;
    }
    this.sigs.set(signature, n * NUM_HASHES);
    this.ids.push(id);
    const keys = bandHashes(signature);
    for (let b = 0; b < BANDS; b++) {
      const map = this.bands[b]!;
      const key = keys[b]!;
      const bucket = map.get(key);
      if (bucket === undefined) map.set(key, n);
      else if (typeof bucket === 'number') map.set(key, [bucket, n]);
      else bucket.push(n);
    }
  }

  /**
   * The most similar indexed reply at or above the threshold (ties: the most recently added), or null.
   * `excludeId` skips entries with that id, so a reply already in the history does not match itself.
   */
  query(text: string, options: { excludeId?: string } = {}): SimilarReply | null {
    return this.querySignature(NearDuplicateIndex.signature(text), options);
  }

  querySignature(signature: Uint32Array, options: { excludeId?: string } = {}): SimilarReply | null {
    if (signature.length !== NUM_HASHES || this.ids.length === 0) return null;
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const keys = bandHashes(signature);
    // Gather distinct candidates first, then verify them in one tight loop.
    const seen = this.seen;
    const candidates = this.candidates;
    let n = 0;
    for (let b = 0; b < BANDS; b++) {
      const bucket = this.bands[b]!.get(keys[b]!);
      if (bucket === undefined) continue;
      if (typeof bucket === 'number') {
        if (seen[bucket] !== stamp) {
          seen[bucket] = stamp;
          candidates[n++] = bucket;
        }
        continue;
      }
      for (let k = bucket.length - 1, stop = Math.max(0, bucket.length - BUCKET_SCAN_LIMIT); k >= stop; k--) {
        const i = bucket[k]!;
        if (seen[i] !== stamp) {
          seen[i] = stamp;
          candidates[n++] = i;
        }
      }
    }
    const exclude = options.excludeId;
    const sigs = this.sigs;
    let best = -1;
    let bestSim = 0;
    // A candidate is dropped as soon as its mismatches show it cannot reach the threshold or beat the best.
    let allowed = NUM_HASHES - Math.ceil(this.threshold * NUM_HASHES);
    for (let c = 0; c < n; c++) {
      const i = candidates[c]!;
      if (exclude !== undefined && this.ids[i] === exclude) continue;
      const base = i * NUM_HASHES;
      let misses = 0;
      let k = 0;
      for (; k < NUM_HASHES; k++) if (sigs[base + k] !== signature[k] && ++misses > allowed) break;
      if (k < NUM_HASHES) continue;
      const sim = (NUM_HASHES - misses) / NUM_HASHES;
      if (sim > bestSim || (sim === bestSim && i > best)) {
        bestSim = sim;
        best = i;
        allowed = misses;
      }
    }
    if (best < 0 || bestSim < this.threshold) return null;
    return { id: this.ids[best]!, similarity: Math.round(bestSim * 100) / 100 };
  }
}
