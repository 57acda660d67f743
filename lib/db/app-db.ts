/**
 * The one IndexedDB database, owned by the background service worker (extension origin).
 * Content scripts never import this: their IndexedDB would belong to the host page.
 * Never edit a shipped version(); add a new one.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Customer, Interaction, MergeRecord, Note, Override, PromiseRecord, SentReply } from '@/lib/schemas/records';
import type { ImportJob } from '@/lib/schemas/jobs';
import type { ImportStaging } from '@/lib/schemas/import';
import { blockOf, type ContactBlock } from './repositories/contact-blocks';
import { reindexBlocks, type KeyPage } from './repositories/key-pages';

export class AppDB extends Dexie {
  customers!: EntityTable<Customer, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  promises!: EntityTable<PromiseRecord, 'id'>;
  merges!: EntityTable<MergeRecord, 'id'>;
  importJobs!: EntityTable<ImportJob, 'id'>;
  sentReplies!: EntityTable<SentReply, 'id'>;
  overrides!: EntityTable<Override, 'id'>;
  contactBlocks!: EntityTable<ContactBlock, 'id'>;
  importStaging!: EntityTable<ImportStaging, 'id'>;
  // Keyed by page id, never generated: a plain Table, so key-pages.ts can take it and the upgrade's alike.
  contactKeys!: Table<KeyPage, string>;

  constructor(name = 'rapport') {
    super(name);
    // Only queried fields are indexed; free text (summary, note text) never is.
    this.version(1).stores({
      customers: 'id, *emails, *phones, *accountIds, *sourceKeys, *nameTokens',
      // [customerId+at] serves the sidebar: latest N contacts and the 30-day count by range.
      interactions: 'id, [customerId+at], &sourceKey, at, ticketId',
      notes: 'id, [customerId+at]',
      promises: 'id, [customerId+dueAt]',
      merges: 'id, at, survivorId, absorbed.id',
      importJobs: 'id, startedAt',
    });
    // v2: the near-duplicate history (candidates by LSH band key) and "Send anyway" counts.
    this.version(2).stores({
      sentReplies: 'id, at, *bands',
      overrides: 'id, at, agent',
    });
    // v3: "forget this customer" finds their sent replies by index.
    this.version(3).stores({
      sentReplies: 'id, at, *bands, customerId',
    });
    // v4: imported contacts several to a record (see repositories/contact-blocks.ts), and the
    // batches of an import waiting to be grouped by customer. Nothing moves: contacts stored
    // before v4 stay in `interactions`, which every reader unions with the blocks.
    this.version(4).stores({
      contactBlocks: 'id, customerId, first, *refs, *tickets, *sourceKeys',
      importStaging: 'id, jobId',
    });
    // v5: no per-contact index entries on blocks (they were two thirds of an import's time):
    // one key per block for the customer's blocks and counts, source keys and tickets in hashed
    // pages (repositories/key-pages.ts). Blocks are rewritten without their v4 index arrays.
    this.version(5)
      .stores({
        contactBlocks: 'id, first, [customerId+last+first+size]',
        contactKeys: 'id',
      })
      .upgrade(async (tx) => {
        const blocks = tx.table<ContactBlock, string>('contactBlocks');
        const lean = (await blocks.toArray()).map((b) => blockOf(b.id, b.customerId, b.contacts));
        await blocks.bulkPut(lean);
        await reindexBlocks(tx.table<KeyPage, string>('contactKeys'), lean.map((after) => ({ after })));
      });
  }
}

