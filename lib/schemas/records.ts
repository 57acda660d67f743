/**
 * Persisted records (the Dexie tables) and the shapes that cross into them. The type of each
 * record is inferred from its schema, so a field exists in one place only.
 * Times are epoch milliseconds (indexable, cheap to compare); calendar dates are YYYY-MM-DD.
 */
import { z } from 'zod';

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const channelSchema = z.enum(['email', 'phone', 'chat', 'ticket', 'sms', 'social', 'in-person', 'other']);
export type Channel = z.infer<typeof channelSchema>;

export const customerSchema = z.object({
  id: z.string().min(1),
  name: z.string().max(300),
  /** Normalised (see lib/identity/email.ts). */
  emails: z.array(z.string()),
  /** E.164 (see lib/identity/phone.ts). */
  phones: z.array(z.string()),
  /** CRM account or customer numbers, as shown by the host. */
  accountIds: z.array(z.string()),
  customerSince: isoDateSchema.optional(),
  /** Ids this customer carries in systems it was imported from, as `source:id`; makes re-import idempotent. */
  sourceKeys: z.array(z.string()),
  /** Lower-cased name words, for prefix search by name. */
  nameTokens: z.array(z.string()),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Customer = z.infer<typeof customerSchema>;

export const interactionSchema = z.object({
  id: z.string().min(1),
  customerId: z.string().min(1),
  channel: channelSchema,
  at: z.number(),
  agent: z.string().max(200).optional(),
  subject: z.string().max(500).optional(),
  /** What happened, at most a few hundred characters (the sent-reply log keeps the first 200). */
  summary: z.string().max(2000).optional(),
  outcome: z.string().max(200).optional(),
  ticketId: z.string().max(100).optional(),
  /**
   * What the customer wrote in the conversation the agent answered (sent replies only): the
   * source of "they already told us" warnings (lib/told-us).
   */
  customerSaid: z.string().max(5000).optional(),
  /** `source:id`, or a hash of the natural key when the source has no id; unique. */
  sourceKey: z.string().min(1),
  /** Where the record came from. */
  origin: z.enum(['import', 'sent-reply', 'call-log', 'backup']),
});
export type Interaction = z.infer<typeof interactionSchema>;

export const noteSchema = z.object({
  id: z.string().min(1),
  customerId: z.string().min(1),
  at: z.number(),
  text: z.string().min(1).max(5000),
  author: z.string().max(200).optional(),
  /** A handoff note (lib/handoff) is a note the next agent reads first. */
  kind: z.enum(['note', 'handoff']).optional(),
});
export type Note = z.infer<typeof noteSchema>;

/**
 * `proposed`: found in a sent reply (lib/promises) and waiting for the agent to confirm or
 * dismiss it; only `open` promises are shown in the header and reminded of.
 */
export const promiseStatusSchema = z.enum(['proposed', 'open', 'kept', 'missed', 'cancelled', 'dismissed']);
export const promiseSchema = z.object({
  id: z.string().min(1),
  customerId: z.string().min(1),
  text: z.string().min(1).max(1000),
  dueAt: z.number(),
  status: promiseStatusSchema,
  createdAt: z.number(),
  agent: z.string().max(200).optional(),
  /** The sent reply it was found in (its contact's sourceKey). */
  sourceKey: z.string().max(200).optional(),
  /** Why the due time needs a second look (an ambiguous date such as 03/04), shown when confirming. */
  ambiguous: z.string().max(300).optional(),
  /** When the "due soon" and "overdue" reminders were shown; each fires once. */
  remindedAt: z.number().optional(),
  overdueRemindedAt: z.number().optional(),
});
export type PromiseRecord = z.infer<typeof promiseSchema>;

/**
 * A merge of two customer records, kept so that a wrong merge can be undone exactly:
 * the absorbed record as it was, and which rows were moved to the survivor.
 */
export const mergeSchema = z.object({
  id: z.string().min(1),
  at: z.number(),
  survivorId: z.string(),
  survivorBefore: customerSchema,
  absorbed: customerSchema,
  moved: z.object({
    interactions: z.array(z.string()),
    notes: z.array(z.string()),
    promises: z.array(z.string()),
  }),
  reason: z.string(),
  undoneAt: z.number().optional(),
});
export type MergeRecord = z.infer<typeof mergeSchema>;

/** What an adapter reads off a host page to recognise the customer. */
export const identitySchema = z.object({
  name: z.string().max(300).optional(),
  email: z.string().max(320).optional(),
  phone: z.string().max(64).optional(),
  accountId: z.string().max(100).optional(),
  ticketId: z.string().max(100).optional(),
});
export type Identity = z.infer<typeof identitySchema>;

/**
 * A reply the agent sent, kept as the history the near-duplicate check compares new drafts
 * against. `bands` are the MinHash LSH band keys (a multiEntry index finds candidates without
 * reading every reply); `signature` is the MinHash itself, so a candidate is verified without
 * re-shingling its text. Both are empty for replies too short to compare.
 */
export const sentReplySchema = z.object({
  id: z.string().min(1),
  at: z.number(),
  host: z.string().max(50),
  agent: z.string().max(200).optional(),
  customerId: z.string().max(100).optional(),
  /** The first 2,000 characters: enough to show the agent which past reply this one repeats. */
  text: z.string().max(2000),
  bands: z.array(z.string().max(20)).max(64),
  signature: z.array(z.number().int().nonnegative()).max(256),
});
export type SentReply = z.infer<typeof sentReplySchema>;

/** "Send anyway" on a reply Rapport judged canned: counted per agent for the team lead. */
export const overrideSchema = z.object({
  id: z.string().min(1),
  at: z.number(),
  host: z.string().max(50),
  agent: z.string().max(200).optional(),
  score: z.number().min(0).max(100),
  rules: z.array(z.string().max(60)).max(50),
});
export type Override = z.infer<typeof overrideSchema>;
