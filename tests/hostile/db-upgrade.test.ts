/**
 * Schema upgrades from every shipped version keep every record. A database is built exactly as
 * version N left it (tests/hostile/fixtures/db-versions.ts), then today's AppDB opens it, and
 * everything is read back through the repositories' public functions (backup export, customer
 * view, lookup, near-duplicate history): whatever the current storage layout, nothing may be
 * lost or changed.
 */
import { describe, expect, it } from 'vitest';
import { AppDB } from '@/lib/db/app-db';
import { exportAll, restoreAll } from '@/lib/db/repositories/backup';
import { customerView } from '@/lib/db/repositories/history';
import { lookup, mergesOf } from '@/lib/db/repositories/customers';
import { findSimilarSent, overridesByAgent } from '@/lib/db/repositories/sent-replies';
import { proposedFor } from '@/lib/db/repositories/promises';
import { listImportJobs } from '@/lib/db/repositories/imports';
import { countAllContacts, customerIdByTicket, existingSourceKeys } from '@/lib/db/repositories/contact-blocks';
import { backupSchema } from '@/lib/schemas/backup';
import { FIXTURE_NOW, HISTORICAL_VERSIONS, buildDatabaseAt, type FixtureRecords } from './fixtures/db-versions';

const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

/** The version the shipped code declares today (whatever it is when this runs). */
async function currentVersion(): Promise<number> {
  const db = new AppDB(`hostile-verno-${crypto.randomUUID()}`);
  await db.open();
  const v = db.verno;
  db.close();
  await db.delete();
  return v;
}

describe.each(HISTORICAL_VERSIONS)('upgrading a version %i database', { timeout: 30_000 }, (version) => {
  async function upgraded(): Promise<{ db: AppDB; records: FixtureRecords }> {
    const name = `hostile-upgrade-v${version}-${crypto.randomUUID()}`;
    const records = await buildDatabaseAt(name, version);
    const db = new AppDB(name);
    await db.open();
    return { db, records };
  }

  it('opens at the current version', async () => {
    const { db } = await upgraded();
    expect(db.verno).toBe(await currentVersion());
    expect(db.verno).toBeGreaterThanOrEqual(version);
    db.close();
  });

  it('exports every record of every kind unchanged (backup counts and contents)', async () => {
    const { db, records } = await upgraded();
    const backup = backupSchema.parse(await exportAll(db, new Date(FIXTURE_NOW)));
    const kinds = Object.keys(records) as Array<keyof FixtureRecords>;
    expect(Object.keys(backup.tables).sort()).toEqual([...kinds].sort());
    for (const kind of kinds) {
      expect(backup.tables[kind].length, kind).toBe(records[kind].length);
      expect(byId(backup.tables[kind] as Array<{ id: string }>), kind).toEqual(byId(records[kind] as Array<{ id: string }>));
    }
    // The fixture is not trivially empty for any table that existed at this version.
    expect(records.customers.length * records.interactions.length * records.notes.length * records.promises.length * records.merges.length * records.importJobs.length).toBeGreaterThan(0);
    if (version >= 2) expect(records.sentReplies.length * records.overrides.length).toBeGreaterThan(0);
    db.close();
  });

  it('shows each customer in the sidebar view with all their contacts, notes and open promises', async () => {
    const { db, records } = await upgraded();
    for (const c of records.customers) {
      const view = await customerView(db, c.id, FIXTURE_NOW);
      expect(view, c.id).not.toBeNull();
      expect(view!.customer).toEqual(c);
      const contacts = records.interactions.filter((i) => i.customerId === c.id);
      expect(view!.totalContacts).toBe(contacts.length);
      expect(byId(view!.timeline)).toEqual(byId(contacts));
      expect(view!.latestNotes).toEqual(records.notes.filter((n) => n.customerId === c.id));
      expect(view!.openPromises.map((p) => p.id).sort()).toEqual(records.promises.filter((p) => p.customerId === c.id && p.status === 'open').map((p) => p.id).sort());
      expect(view!.activeMerges).toBe(records.merges.filter((m) => m.survivorId === c.id).length);
      expect(await proposedFor(db, c.id)).toEqual([]);
    }
    db.close();
  });

  it('finds customers, merges, import jobs and (from v2) the sent-reply history by their indexes', async () => {
    const { db, records } = await upgraded();
    for (const c of records.customers) {
      expect((await lookup(db, { emails: c.emails, phones: [], accountIds: [], sourceKeys: [] }))?.id).toBe(c.id);
      expect((await lookup(db, { emails: [], phones: c.phones, accountIds: [], sourceKeys: [] }))?.id).toBe(c.id);
    }
    expect((await mergesOf(db, 'cust-0')).map((m) => m.id)).toEqual(['merge-1']);
    // Contacts by ticket id (search, the sidebar's last resort) and by source key (re-import), whichever store holds them.
    for (const i of records.interactions) expect(await customerIdByTicket(db, i.ticketId!), i.id).toBe(i.customerId);
    const sourceKeys = records.interactions.map((i) => i.sourceKey);
    expect([...(await existingSourceKeys(db, [...sourceKeys, 'src:never-imported']))].sort()).toEqual([...sourceKeys].sort());
    expect(await countAllContacts(db)).toBe(records.interactions.length);
    expect((await listImportJobs(db)).map((j) => j.id)).toEqual(records.importJobs.map((j) => j.id));
    for (const r of records.sentReplies) expect((await findSimilarSent(db, r.text))?.id, r.id).toBeDefined();
    if (version >= 2) {
      expect((await findSimilarSent(db, records.sentReplies[1]!.text))?.text).toBe(records.sentReplies[1]!.text);
      expect(await overridesByAgent(db, 0)).toEqual([{ agent: 'Sam', count: 1, lastAt: records.overrides[0]!.at, topRules: records.overrides[0]!.rules }]);
    }
    db.close();
  });

  it('round-trips through export and restore into a fresh database with nothing lost', async () => {
    const { db } = await upgraded();
    const first = await exportAll(db, new Date(FIXTURE_NOW));
    const fresh = new AppDB(`hostile-restore-${crypto.randomUUID()}`);
    await restoreAll(fresh, first);
    const second = await exportAll(fresh, new Date(FIXTURE_NOW));
    for (const kind of Object.keys(first.tables) as Array<keyof typeof first.tables>) {
      expect(byId(second.tables[kind] as Array<{ id: string }>), kind).toEqual(byId(first.tables[kind] as Array<{ id: string }>));
    }
    db.close();
    fresh.close();
  });
});
