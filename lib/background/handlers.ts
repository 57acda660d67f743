/**
 * What the background answers, message by message. Pure of browser APIs except what is
 * passed in, so tests drive it with fake-indexeddb and a fixed clock. Nothing is kept in
 * memory between messages: the service worker may be stopped at any time.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { AppDB } from '@/lib/db/app-db';
import type { Handlers } from '@/lib/messaging/server';
import type { Settings } from '@/lib/settings';
import type { Identity } from '@/lib/schemas/records';
import type { ImportJob } from '@/lib/schemas/jobs';
import { normalizeEmail, normalizePhone } from '@/lib/identity';
import { keysFromIdentity, lookup, search, upsertCustomer, forget, mergesOf, undoMerge } from '@/lib/db/repositories/customers';
import { customerView, addNote, addInteraction, addPromise, applyRetention } from '@/lib/db/repositories/history';
import { exportAll, restoreAll } from '@/lib/db/repositories/backup';
import { countAllContacts, customerIdByTicket } from '@/lib/db/repositories/contact-blocks';
import { beginImport, writeImportBatch, finishImport, listImportJobs } from '@/lib/db/repositories/imports';
import { refreshGuides, setPinnedGuideKey, subscribeGuide, unsubscribeGuide } from '@/lib/settings/guide';
import { captureProposed, confirmPromise, followUps, proposedFor } from '@/lib/db/repositories/promises';
import { customerTexts } from '@/lib/db/repositories/customer-texts';
import { findPromises } from '@/lib/promises';
import { factsGiven } from '@/lib/told-us';
import { addOverride, addSentReply, findSimilarSent, overridesByAgent, recentSentTexts } from '@/lib/db/repositories/sent-replies';

export interface HandlerDeps {
  db: AppDB;
  settings: () => Promise<Settings>;
  now: () => number;
  /** Promises were added, confirmed or closed: the background re-aims the reminder alarm. */
  onPromisesChanged?: () => void;
}

/** First characters of a sent reply kept in the contact log (the privacy/size trade-off). */
export const SENT_SUMMARY_CHARS = 200;

export function createHandlers({ db, settings, now, onPromisesChanged = () => {} }: HandlerDeps): Handlers {
  const normalizers = async () => {
    const { defaultRegion } = await settings();
    return {
      email: normalizeEmail,
      phone: (s: string) => normalizePhone(s, defaultRegion as CountryCode),
    };
  };

  const resolveCustomerId = async (identity: Identity): Promise<string | null> => {
    const keys = keysFromIdentity(identity, await normalizers());
    const found = await lookup(db, keys);
    if (found) return found.id;
    if (identity.ticketId) {
      const hit = await customerIdByTicket(db, identity.ticketId);
      if (hit) return hit;
    }
    return null;
  };

  /** The customer a note or call is about: given by id, found by identity, or created from it. */
  const customerFor = async (customerId: string | undefined, identity: Identity | undefined): Promise<string> => {
    if (customerId) {
      if (!(await db.customers.get(customerId))) throw new Error('That customer no longer exists.');
      return customerId;
    }
    if (!identity) throw new Error('Say which customer this is about.');
    const existing = await resolveCustomerId(identity);
    if (existing) return existing;
    const keys = keysFromIdentity(identity, await normalizers());
    if (!keys.emails.length && !keys.phones.length && !keys.accountIds.length) {
      throw new Error('Rapport needs an email address, phone number or account id to start a customer record.');
    }
    const c = await db.transaction('rw', [db.customers, db.interactions, db.notes, db.promises, db.merges, db.contactBlocks], () =>
      upsertCustomer(db, { ...keys, ...(identity.name ? { name: identity.name } : {}) }, now()),
    );
    return c.id;
  };

  /**
   * Promises in a sent reply, stored for the agent to confirm. Read in the agent's own time zone
   * (this browser's) and date order (settings). Never fails the send log: a finder error costs
   * the capture, not the contact.
   */
  const capturePromises = async (customerId: string, body: string, sourceKey: string, agent: string | undefined) => {
    try {
      const at = now();
      const { dateOrder } = await settings();
      const scan = findPromises(body, { sentAt: at, offsetMinutes: -new Date(at).getTimezoneOffset(), locale: dateOrder === 'MDY' ? 'en-US' : 'en-GB' });
      const captured = await captureProposed(db, customerId, scan.promises, { sourceKey, now: at, agent });
      return { captured, nudges: scan.nudges.map(({ text, message }) => ({ text: text.slice(0, 1000), message: message.slice(0, 300) })) };
    } catch (e) {
      console.warn('[Rapport] promise capture failed:', e);
      return { captured: [], nudges: [] };
    }
  };

  return {
    async lookupCustomer({ identity }) {
      const id = await resolveCustomerId(identity);
      return id ? customerView(db, id, now()) : null;
    },
    async getCustomerView({ customerId }) {
      return customerView(db, customerId, now());
    },
    async searchCustomers({ q }) {
      const n = await normalizers();
      const hits = await search(db, q, { email: n.email(q), phone: /\d{5,}/.test(q) ? n.phone(q) : null });
      return hits.map(({ id, name, emails, phones, customerSince }) => ({ id, name, emails, phones, ...(customerSince ? { customerSince } : {}) }));
    },
    async addNote({ customerId, identity, text, author, kind }) {
      const id = await customerFor(customerId, identity);
      const note = await addNote(db, { customerId: id, at: now(), text, ...(author ? { author } : {}), ...(kind === 'handoff' ? { kind } : {}) });
      return { note, customerId: id };
    },
    async logCall({ customerId, identity, phone, outcome, summary, agent }) {
      const id = await customerFor(customerId, identity ?? (phone ? { phone } : undefined));
      const at = now();
      const interaction = await addInteraction(db, {
        customerId: id,
        channel: 'phone',
        at,
        outcome,
        ...(summary ? { summary } : {}),
        ...(agent ? { agent } : {}),
        sourceKey: `call:${crypto.randomUUID()}`,
        origin: 'call-log',
      });
      return { interaction, customerId: id };
    },
    async logSentReply({ identity, channel, host, subject, body, customerMessage, agent, sendId }) {
      const sourceKey = `sent:${host}:${sendId}`;
      const already = await db.interactions.where('sourceKey').equals(sourceKey).first();
      if (already) return { interaction: already, customerId: already.customerId, captured: [], nudges: [] };
      let id: string | null = null;
      try {
        id = await customerFor(undefined, identity);
      } catch {
        // No identifiable customer on the page: no contact to log, but the reply still
        // joins the history that later drafts are compared against.
      }
      // The near-duplicate history keeps every sent reply, keyed like the contact so a retry writes once.
      await addSentReply(db, { id: sourceKey, at: now(), host, text: body, agent, customerId: id ?? undefined });
      if (!id) return { interaction: null, customerId: null, captured: [], nudges: [] };
      const text = body.replace(/\s+/g, ' ').trim();
      const interaction = await addInteraction(db, {
        customerId: id,
        channel,
        at: now(),
        ...(subject ? { subject } : {}),
        summary: text.slice(0, SENT_SUMMARY_CHARS),
        outcome: 'replied',
        ...(identity.ticketId ? { ticketId: identity.ticketId } : {}),
        ...(agent ? { agent } : {}),
        ...(customerMessage?.trim() ? { customerSaid: customerMessage.trim().slice(0, 5000) } : {}),
        sourceKey,
        origin: 'sent-reply',
      });
      const { captured, nudges } = await capturePromises(id, body, sourceKey, agent);
      return { interaction, customerId: id, captured, nudges };
    },
    async findSimilarReply({ text }) {
      return findSimilarSent(db, text);
    },
    async recentReplies({ agent, limit }) {
      return recentSentTexts(db, agent, limit);
    },
    async recordOverride({ host, agent, score, rules }) {
      await addOverride(db, { id: crypto.randomUUID(), at: now(), host, score, rules, ...(agent ? { agent } : {}) });
      return null;
    },
    async overrideStats({ days }) {
      return overridesByAgent(db, now() - days * 86_400_000);
    },
    async addPromise({ customerId, text, dueAt, agent }) {
      const p = await addPromise(db, { customerId, text, dueAt, status: 'open', createdAt: now(), ...(agent ? { agent } : {}) });
      onPromisesChanged();
      return p;
    },
    async setPromiseStatus({ promiseId, status }) {
      const n = await db.promises.update(promiseId, { status });
      if (!n) throw new Error('That promise no longer exists.');
      onPromisesChanged();
      return null;
    },
    async promisesToConfirm({ customerId }) {
      return proposedFor(db, customerId);
    },
    async confirmPromise({ promiseId, text, dueAt }) {
      const p = await confirmPromise(db, promiseId, { text, dueAt });
      onPromisesChanged();
      return p;
    },
    async myFollowUps() {
      const { agentName } = await settings();
      return followUps(db, now(), agentName.trim() || undefined);
    },
    async customerFacts({ customerId }) {
      return factsGiven(await customerTexts(db, customerId));
    },
    async listMerges({ customerId }) {
      return mergesOf(db, customerId);
    },
    async undoMerge({ mergeId }) {
      return undoMerge(db, mergeId, now());
    },
    async forgetCustomer({ customerId }) {
      return forget(db, customerId);
    },
    async importBegin(input) {
      return beginImport(db, input, now());
    },
    async importBatch({ jobId, rows, lastRow, errors }): Promise<ImportJob> {
      return writeImportBatch(db, { jobId, rows, lastRow, errors }, now());
    },
    async importFinish({ jobId, status }) {
      return finishImport(db, jobId, status, now());
    },
    async listImportJobs() {
      return listImportJobs(db);
    },
    async exportAll() {
      return exportAll(db, new Date(now()));
    },
    async restoreBackup(backup) {
      // Restored promises are re-aimed at the next browser start or promise change, not at once:
      // an immediate alarm would stamp reminder times on the records just restored, and a restore
      // must give back exactly what was exported.
      return restoreAll(db, backup);
    },
    async applyRetention() {
      return { deleted: await applyRetention(db, (await settings()).retentionDays, now()) };
    },
    async stats() {
      const [customers, interactions, notes, promises] = await Promise.all([db.customers.count(), countAllContacts(db), db.notes.count(), db.promises.count()]);
      return { customers, interactions, notes, promises };
    },

    // Team guide distribution: fetching, validation and storage live in lib/settings/guide.ts.
    async guideSubscribe({ url }) {
      return subscribeGuide(url, { now });
    },
    async guideUnsubscribe() {
      await unsubscribeGuide({ now });
      return null;
    },
    async guideRefresh() {
      await refreshGuides({ now });
      return null;
    },
    async guidePinKey({ key }) {
      await setPinnedGuideKey(key, { now });
      return null;
    },
  };
}
