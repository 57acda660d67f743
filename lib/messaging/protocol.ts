/**
 * The typed contract between content scripts / extension pages and the background.
 * Every message has a zod schema for its input and output; both sides parse, so a
 * compromised or stale caller cannot write malformed data and the UI never renders
 * a shape it did not expect.
 */
import { z } from 'zod';
import { identitySchema, channelSchema, mergeSchema, noteSchema, interactionSchema, promiseSchema } from '@/lib/schemas/records';
import { importRowSchema, rowErrorSchema, columnMappingSchema } from '@/lib/schemas/import';
import { importJobSchema } from '@/lib/schemas/jobs';
import { backupSchema } from '@/lib/schemas/backup';
import { customerSummarySchema, customerViewSchema } from './views';
import { subscriptionStateSchema } from '@/lib/guide/subscription';

/** A fact the customer gave (lib/told-us); `kind` is open-ended here so a newer finder never breaks an older reader. */
const givenFactSchema = z.object({
  kind: z.string().max(40),
  value: z.string().max(500).optional(),
  at: z.number(),
  source: z.enum(['message', 'note', 'call']),
  /** The conversation it was given in: "identity verified" only holds for that one. */
  contactKey: z.string().max(100).optional(),
});

const customerId = z.string().min(1).max(100);

const def = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, opts: { pageOnly?: boolean } = {}) => ({
  input,
  output,
  /** Only extension pages (options, popup) may send it, never a content script in a host page. */
  pageOnly: opts.pageOnly ?? false,
});

/**
 * Rows (and row errors) per importBatch message at most. 10,000 rows are ~1.6 MB of JSON, far
 * below the messaging limit; each batch costs the background a look for its customers (at best
 * one read of the whole customer table), so fewer, larger batches import faster (measured: 20
 * batches of 5,000 spent 4.2 s of a 100,000-row import on those reads).
 */
export const IMPORT_BATCH_MAX = 10_000;

export const protocol = {
  /** The customer an adapter recognised on the page, or null (no writes). */
  lookupCustomer: def(z.object({ identity: identitySchema }), customerViewSchema.nullable()),
  getCustomerView: def(z.object({ customerId }), customerViewSchema.nullable()),
  searchCustomers: def(z.object({ q: z.string().max(200) }), z.array(customerSummarySchema)),
  /** Notes and calls may name a customer not yet on record: the identity creates one. */
  addNote: def(
    z.object({
      customerId: customerId.optional(),
      identity: identitySchema.optional(),
      text: z.string().trim().min(1).max(5000),
      author: z.string().max(200).optional(),
      kind: z.enum(['note', 'handoff']).optional(),
    }),
    z.object({ note: noteSchema, customerId }),
  ),
  logCall: def(
    z.object({
      customerId: customerId.optional(),
      identity: identitySchema.optional(),
      phone: z.string().max(64).optional(),
      outcome: z.enum(['resolved', 'follow-up', 'no-answer', 'voicemail', 'escalated']),
      summary: z.string().max(2000).optional(),
      agent: z.string().max(200).optional(),
    }),
    z.object({ interaction: interactionSchema, customerId }),
  ),
  /** Logged automatically when the agent sends a reply in a host tool. */
  logSentReply: def(
    z.object({
      identity: identitySchema,
      channel: channelSchema,
      host: z.string().max(50),
      subject: z.string().max(500).optional(),
      body: z.string().max(200_000),
      /** The customer's last message on the page when the reply was sent. */
      customerMessage: z.string().max(20_000).optional(),
      agent: z.string().max(200).optional(),
      /** Set by the content script per send, so a retried message never logs twice. */
      sendId: z.string().min(1).max(100),
    }),
    z.object({
      interaction: interactionSchema.nullable(),
      customerId: customerId.nullable(),
      /** Promises found in the reply, stored as `proposed` for the agent to confirm (lib/promises). */
      captured: z.array(promiseSchema).default([]),
      /** Commitments without a real time ("soon"): the agent is nudged to give one next time. */
      nudges: z.array(z.object({ text: z.string().max(1000), message: z.string().max(300) })).default([]),
    }),
  ),
  /** The stored sent reply most like this draft (near-duplicate check), or null. */
  findSimilarReply: def(
    z.object({ text: z.string().max(200_000) }),
    z.object({ id: z.string(), text: z.string(), at: z.number(), similarity: z.number().min(0).max(1) }).nullable(),
  ),
  /** The agent's last sent replies (any customer, any tool), newest first: suggestions rotate away from their openings. */
  recentReplies: def(z.object({ agent: z.string().max(200).optional(), limit: z.number().int().min(1).max(20) }), z.array(z.string())),
  /** The agent chose "Send anyway" on a reply Rapport judged canned. */
  recordOverride: def(
    z.object({ host: z.string().max(50), agent: z.string().max(200).optional(), score: z.number().min(0).max(100), rules: z.array(z.string().max(60)).max(50) }),
    z.null(),
  ),
  /** "Send anyway" counts per agent over the last `days` days, for the team lead. */
  overrideStats: def(
    z.object({ days: z.number().int().min(1).max(3650) }),
    z.array(z.object({ agent: z.string(), count: z.number(), lastAt: z.number(), topRules: z.array(z.string()) })),
    { pageOnly: true },
  ),
  addPromise: def(
    z.object({ customerId, text: z.string().trim().min(1).max(1000), dueAt: z.number(), agent: z.string().max(200).optional() }),
    promiseSchema,
  ),
  setPromiseStatus: def(z.object({ promiseId: z.string().min(1), status: z.enum(['open', 'kept', 'missed', 'cancelled', 'dismissed']) }), z.null()),
  /** Promises found in this customer's sent replies, waiting for the agent's confirm, edit or dismiss. */
  promisesToConfirm: def(z.object({ customerId }), z.array(promiseSchema)),
  confirmPromise: def(
    z.object({ promiseId: z.string().min(1), text: z.string().trim().min(1).max(1000).optional(), dueAt: z.number().optional() }),
    promiseSchema,
  ),
  /** "My follow-ups": open promises across customers (the agent's own when an agent name is set), overdue first. */
  myFollowUps: def(z.object({}), z.array(promiseSchema.extend({ customerName: z.string(), overdue: z.boolean() }))),
  /** Facts the customer already gave (order number, troubleshooting done…), for "they already told us" warnings. */
  customerFacts: def(z.object({ customerId }), z.array(givenFactSchema)),
  listMerges: def(z.object({ customerId }), z.array(mergeSchema)),
  undoMerge: def(z.object({ mergeId: z.string().min(1) }), z.object({ survivorId: z.string(), restoredId: z.string() })),
  forgetCustomer: def(z.object({ customerId }), z.object({ deleted: z.number() })),

  importBegin: def(
    z.object({ fileName: z.string().max(500), fileSize: z.number().nonnegative(), fingerprint: z.string().max(600), mapping: columnMappingSchema }),
    z.object({ job: importJobSchema, resumed: z.boolean() }),
    { pageOnly: true },
  ),
  /** One batch, written in one transaction together with the job's progress. */
  importBatch: def(
    z.object({ jobId: z.string().min(1), rows: z.array(importRowSchema).max(IMPORT_BATCH_MAX), lastRow: z.number().int().nonnegative(), errors: z.array(rowErrorSchema).max(IMPORT_BATCH_MAX) }),
    importJobSchema,
    { pageOnly: true },
  ),
  importFinish: def(z.object({ jobId: z.string().min(1), status: z.enum(['done', 'interrupted']) }), importJobSchema, { pageOnly: true }),
  listImportJobs: def(z.object({}), z.array(importJobSchema), { pageOnly: true }),
  exportAll: def(z.object({}), backupSchema, { pageOnly: true }),
  restoreBackup: def(backupSchema, z.record(z.string(), z.number()), { pageOnly: true }),
  applyRetention: def(z.object({}), z.object({ deleted: z.number() }), { pageOnly: true }),
  stats: def(z.object({}), z.object({ customers: z.number(), interactions: z.number(), notes: z.number(), promises: z.number() }), { pageOnly: true }),

  // Team guide distribution (lib/settings/guide.ts). The background owns the subscription
  // state, so the options page asks it to subscribe, check or pin rather than writing storage.
  /** Subscribe to an HTTPS guide URL and fetch it now; the state says whether it worked. */
  guideSubscribe: def(z.object({ url: z.string().max(2048) }), subscriptionStateSchema, { pageOnly: true }),
  guideUnsubscribe: def(z.object({}), z.null(), { pageOnly: true }),
  /** What the hourly alarm does ("Check now" on the options page, and the e2e suite). */
  guideRefresh: def(z.object({}), z.null(), { pageOnly: true }),
  /** Pin the lead's public key (empty string: unpin). */
  guidePinKey: def(z.object({ key: z.string().max(4096) }), z.null(), { pageOnly: true }),
} as const;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type Input<K extends MessageName> = z.input<Protocol[K]['input']>;
export type ParsedInput<K extends MessageName> = z.output<Protocol[K]['input']>;
export type Output<K extends MessageName> = z.output<Protocol[K]['output']>;

/** The envelope on the wire. */
export const requestSchema = z.object({ rapport: z.literal(1), name: z.string(), input: z.unknown() });
export const responseSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
