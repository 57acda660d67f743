import { describe, expect, it } from 'vitest';
import { PAGE_COUNT, blockIdsByTicket, bucketOf, keyPagesHave, reindexBlocks } from '@/lib/db/repositories/key-pages';
import { freshDb } from './helpers';

const block = (id: string, keys: string[], ticket?: string) => ({ id, contacts: keys.map((sourceKey) => ({ sourceKey, ...(ticket ? { ticketId: ticket } : {}) })) });

describe('key pages', () => {
  it('hash keys into the stored bucket layout (changing it would orphan every stored page)', () => {
    // Pinned values: the pages on agents' disks were written with this function.
    expect([bucketOf(''), bucketOf('src:C1'), bucketOf('nk:0123456789abcdef'), bucketOf('Ticket #ü')]).toEqual([453, 477, 392, 56]);
    const spread = new Set(Array.from({ length: 5000 }, (_, i) => bucketOf(`src:${i}`)));
    // 5,000 keys over 1,024 pages: nearly every page used (an even hash leaves ~0.8 empty).
    expect(spread.size).toBeGreaterThan(PAGE_COUNT * 0.95);
  });

  it('answer the same for a few keys (one get per page) and for many (all pages in one read)', async () => {
    const db = freshDb();
    const stored = Array.from({ length: 3000 }, (_, i) => `src:${i}`);
    await reindexBlocks(db.contactKeys, [{ after: block('b1', stored) }]);
    const few = ['src:5', 'src:2999', 'src:3000'];
    expect([...(await keyPagesHave(db.contactKeys, few))].sort()).toEqual(['src:2999', 'src:5']);
    const many = Array.from({ length: 4000 }, (_, i) => `src:${i}`);
    expect((await keyPagesHave(db.contactKeys, many)).size).toBe(3000);
  });

  it('drop before they add, so a key moving between blocks in one change stays once', async () => {
    const db = freshDb();
    await reindexBlocks(db.contactKeys, [{ after: block('b1', ['src:a', 'src:b'], 'T1') }]);
    await reindexBlocks(db.contactKeys, [{ before: block('b1', ['src:a', 'src:b'], 'T1') }, { after: block('b2', ['src:a'], 'T1') }]);
    expect([...(await keyPagesHave(db.contactKeys, ['src:a', 'src:b']))]).toEqual(['src:a']);
    const page = await db.contactKeys.get(`s${bucketOf('src:a')}`);
    expect(page?.keys?.filter((k) => k === 'src:a')).toHaveLength(1);
    expect(await blockIdsByTicket(db.contactKeys, 'T1')).toEqual(['b2']);
  });

  it('delete pages left empty', async () => {
    const db = freshDb();
    await reindexBlocks(db.contactKeys, [{ after: block('b1', ['src:a'], 'T1') }]);
    expect(await db.contactKeys.count()).toBe(2);
    await reindexBlocks(db.contactKeys, [{ before: block('b1', ['src:a'], 'T1') }]);
    expect(await db.contactKeys.count()).toBe(0);
  });
});
