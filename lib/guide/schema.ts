/**
 * The team phrasing guide: a JSON file a team lead writes once and every agent's Rapport
 * applies. This file is the single source of its current (version 2) shape and type; older
 * shapes live with the migration step that reads them (lib/guide/migrations/).
 *
 * Unknown fields are not errors (a newer editor, a lead's private note): the parser reports them
 * as warnings and strips them. Hence plain `z.object` (strip) everywhere, never `strictObject`.
 */
import { z } from 'zod';
import { categories, moods, suggestionKinds } from '@/lib/suggest/types';
import { checkPattern } from './regex-safety';
import { isChromeMatchPattern, isIsoDateOrDateTime, KEBAB_ID, selectorProblem } from './validators';

export const CURRENT_GUIDE_SCHEMA_VERSION = 2;

// Categories, moods and phrase kinds are the suggestion engine's vocabulary; the guide reuses
// its lists so the two can never disagree.
export const categorySchema = z.enum(categories);
export type Category = z.infer<typeof categorySchema>;

export const moodSchema = z.enum(moods);
export type Mood = z.infer<typeof moodSchema>;

export const phraseKindSchema = z.enum(suggestionKinds);
export type PhraseKind = z.infer<typeof phraseKindSchema>;

export const requiredElementSchema = z.enum(['next-step-time', 'customer-name']);
export type RequiredElement = z.infer<typeof requiredElementSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);
const kebabId = z.string().regex(KEBAB_ID, { error: 'expected a kebab-case id (a-z, 0-9 and "-")' });
const percent = z.number().min(0).max(100);

const selector = z
  .string()
  .max(500)
  .superRefine((value, ctx) => {
    const problem = selectorProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ description: 'CSS selector, matched in the host page' });

export const avoidRuleSchema = z
  .object({
    phrase: text(300).optional().meta({ description: 'Plain phrase, matched case-insensitively on word boundaries' }),
    pattern: z.string().min(1).max(500).optional().meta({ description: 'JavaScript regular expression source' }),
    flags: z.string().max(5).optional().meta({ description: 'RegExp flags for `pattern`: any of i, m, s, u, v' }),
    why: text(500).meta({ description: 'Shown to the agent: why the team avoids it' }),
    instead: text(500).optional().meta({ description: 'Suggested wording to use instead' }),
  })
  .superRefine((rule, ctx) => {
    if (rule.phrase !== undefined && rule.pattern !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'set either phrase or pattern, not both' });
    } else if (rule.phrase === undefined && rule.pattern === undefined) {
      ctx.addIssue({ code: 'custom', message: 'needs a phrase or a pattern' });
    }
    if (rule.pattern !== undefined) {
      // The parser is the gatekeeper for every consumer of these patterns (the canned-reply
      // analyzer runs them on each draft), so an unsafe pattern never leaves this file.
      const check = checkPattern(rule.pattern, rule.flags ?? '');
      if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason, path: [check.field] });
    }
  });
export type AvoidRule = z.infer<typeof avoidRuleSchema>;

export const preferRuleSchema = z.object({
  category: categorySchema.optional(),
  mood: moodSchema.optional(),
  kind: phraseKindSchema,
  text: text(500),
  mode: z
    .enum(['add', 'replace'])
    .optional()
    .meta({ description: "'add' (default): offered alongside Rapport's own phrases; 'replace': offered instead of them" }),
});
export type PreferRule = z.infer<typeof preferRuleSchema>;

export const banRuleSchema = z.object({
  phrase: text(300),
  category: categorySchema.optional(),
  mood: moodSchema.optional(),
});
export type BanRule = z.infer<typeof banRuleSchema>;

export const escalationRuleSchema = z.object({
  id: kebabId,
  when: z
    .object({
      contactsAtLeast: z.int().min(1).max(1000).optional(),
      promiseMissed: z.boolean().optional(),
      moods: z.array(moodSchema).min(1).optional(),
      categories: z.array(categorySchema).min(1).optional(),
      words: z
        .array(text(60))
        .min(1)
        .max(50)
        .optional()
        .meta({ description: "Words or phrases, matched case-insensitively on word boundaries in the customer's last message and the draft context; any one matches" }),
      withinDays: z
        .int()
        .min(1)
        .max(365)
        .optional()
        .meta({ description: 'Look-back window in days for contactsAtLeast (default 30)' }),
    })
    .superRefine((when, ctx) => {
      // An empty `when` would escalate every conversation; almost certainly a mistake. The
      // window only qualifies contactsAtLeast, so on its own it is no condition either.
      const { withinDays, ...conditions } = when;
      if (Object.values(conditions).every((v) => v === undefined)) {
        ctx.addIssue({ code: 'custom', message: 'needs at least one condition' });
      } else if (withinDays !== undefined && when.contactsAtLeast === undefined) {
        ctx.addIssue({ code: 'custom', message: 'withinDays needs contactsAtLeast (it is the window contacts are counted in)', path: ['withinDays'] });
      }
    })
    .meta({ description: 'All given conditions must hold; moods/categories/words match any listed value' }),
  message: text(500).meta({ description: 'Shown to the agent' }),
  handoffTo: text(200).optional(),
});
export type EscalationRule = z.infer<typeof escalationRuleSchema>;

export const siteSwitchSchema = z.object({ enabled: z.boolean() });

export const genericAdapterSchema = z.object({
  id: kebabId,
  label: text(100),
  urlPattern: z
    .string()
    .refine(isChromeMatchPattern, { error: 'expected a Chrome match pattern such as https://support.example.com/*' }),
  customer: z.object({
    name: selector.optional(),
    email: selector.optional(),
    phone: selector.optional(),
    accountId: selector.optional(),
  }),
  editor: selector,
  send: selector,
  message: selector.optional(),
});
export type GenericAdapter = z.infer<typeof genericAdapterSchema>;

export const guideSchema = z
  .object({
    schemaVersion: z.literal(CURRENT_GUIDE_SCHEMA_VERSION),
    name: text(200),
    description: text(2000).optional(),
    updatedAt: z
      .string()
      .refine(isIsoDateOrDateTime, { error: 'expected an ISO 8601 date (YYYY-MM-DD) or date-time with offset' })
      .optional(),
    // A signed file can be replayed by whoever controls the URL; an expiry bounds how long an
    // old signed version can be pushed back to agents. A subscription refuses a version that has
    // expired (a date alone means "through that day, UTC").
    expiresAt: z
      .string()
      .refine(isIsoDateOrDateTime, { error: 'expected an ISO 8601 date (YYYY-MM-DD) or date-time with offset' })
      .optional()
      .meta({ description: 'After this moment a subscribed Rapport refuses this version (protects signed guides from replay)' }),
    avoid: z.array(avoidRuleSchema).max(1000),
    boilerplate: z.array(text(500)).max(1000).optional().meta({ description: 'Extra stock phrases for the canned-reply check' }),
    prefer: z.array(preferRuleSchema).max(1000),
    ban: z.array(banRuleSchema).max(1000).optional().meta({ description: "Rapport's own phrases the team never wants offered" }),
    required: z.array(requiredElementSchema).optional().meta({ description: 'What every reply must contain' }),
    thresholds: z
      .object({
        canned: percent.optional().meta({ description: 'Canned-reply score at which the verdict is shown' }),
        hold: percent.optional().meta({ description: 'Canned-reply score at which sending is held for a second look' }),
      })
      .optional(),
    escalations: z.array(escalationRuleSchema).max(200).optional(),
    sites: z
      .record(kebabId, siteSwitchSchema)
      .optional()
      .meta({ description: 'Per-site switches, keyed by built-in host id or generic adapter id' }),
    generic: z.array(genericAdapterSchema).max(50).optional().meta({ description: 'Generic adapters for in-house tools' }),
    signature: z
      .string()
      .optional()
      .meta({ description: 'Base64 ECDSA P-256 signature over the canonical guide without this field' }),
  })
  .superRefine((guide, ctx) => {
    // Ids are the keys the options page, diffs and site switches use; duplicates would make
    // "which one applies" depend on array order.
    for (const list of ['escalations', 'generic'] as const) {
      const seen = new Map<string, number>();
      (guide[list] ?? []).forEach((entry, i) => {
        const first = seen.get(entry.id);
        if (first !== undefined) {
          ctx.addIssue({ code: 'custom', message: `duplicate id "${entry.id}" (also ${list}[${first}])`, path: [list, i, 'id'] });
        } else seen.set(entry.id, i);
      });
    }
  })
  .meta({
    title: 'Rapport team phrasing guide',
    description: 'How a support team speaks: phrases to prefer and avoid, what replies must contain, when to escalate.',
  });

/** A parsed, current-version guide. */
export type Guide = z.infer<typeof guideSchema>;

/**
 * JSON Schema (draft 2020-12) of the current guide format, for editors and the options page.
 * Generated from the input side so unknown fields stay allowed, matching the parser (which warns
 * about them instead of failing). Cross-field rules (phrase xor pattern, pattern safety, unique
 * ids) cannot be expressed in JSON Schema; `parseGuide` is authoritative.
 */
export function guideJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(guideSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
