import type { AppDB } from '@/lib/db/app-db';
import type { Backup } from '@/lib/schemas/backup';
import { allContacts } from './contact-blocks';

// The backup format predates contact blocks (schema v4) and stays as it was: every contact is
// one `interactions` row, whichever store holds it, so old and new backups restore alike.

export async function exportAll(db: AppDB, now: Date): Promise<Backup> {
  return db.transaction('r', [db.customers, db.interactions, db.notes, db.promises, db.merges, db.importJobs, db.sentReplies, db.overrides, db.contactBlocks], async () => ({
    format: 'rapport-backup' as const,
    version: 1 as const,
    exportedAt: now.toISOString(),
    tables: {
      customers: await db.customers.toArray(),
      interactions: await allContacts(db),
      notes: await db.notes.toArray(),
      promises: await db.promises.toArray(),
      merges: await db.merges.toArray(),
      importJobs: await db.importJobs.toArray(),
      sentReplies: await db.sentReplies.toArray(),
      overrides: await db.overrides.toArray(),
    },
  }));
}

/** Replace everything with the backup, all or nothing (one transaction). */
export async function restoreAll(db: AppDB, backup: Backup): Promise<Record<keyof Backup['tables'], number>> {
  return db.transaction('rw', [db.customers, db.interactions, db.notes, db.promises, db.merges, db.importJobs, db.sentReplies, db.overrides, db.contactBlocks, db.contactKeys, db.importStaging], async () => {
    const t = backup.tables;
    await Promise.all([db.customers.clear(), db.interactions.clear(), db.notes.clear(), db.promises.clear(), db.merges.clear(), db.importJobs.clear(), db.sentReplies.clear(), db.overrides.clear(), db.contactBlocks.clear(), db.contactKeys.clear(), db.importStaging.clear()]);
    await db.customers.bulkAdd(t.customers);
    await db.interactions.bulkAdd(t.interactions);
    await db.notes.bulkAdd(t.notes);
    await db.promises.bulkAdd(t.promises);
    await db.merges.bulkAdd(t.merges);
    await db.importJobs.bulkAdd(t.importJobs);
    await db.sentReplies.bulkAdd(t.sentReplies);
    await db.overrides.bulkAdd(t.overrides);
    return {
      customers: t.customers.length,
      interactions: t.interactions.length,
      notes: t.notes.length,
      promises: t.promises.length,
      merges: t.merges.length,
      importJobs: t.importJobs.length,
      sentReplies: t.sentReplies.length,
      overrides: t.overrides.length,
    };
  });
}
