/**
 * Version 1 (the first pilot format) to version 2.
 *
 * v1 listed phrases to avoid as bare strings and had a single `threshold` for the canned-reply
 * verdict. v2 gives every avoided phrase a reason shown to the agent (and allows patterns), and
 * groups thresholds so the pre-send hold can have its own. Nothing is lost: each string becomes
 * `{ phrase, why }` with a generic reason, and `threshold` becomes `thresholds.canned`.
 */
import { z } from 'zod';
import { categorySchema, moodSchema, phraseKindSchema } from '../schema';
import { defineMigration } from './types';

/** What an agent sees for a phrase a v1 guide listed, since v1 had no way to say why. */
export const V1_AVOID_REASON = 'Your team guide lists this phrase to avoid.';

export const guideV1Schema = z.looseObject({
  schemaVersion: z.literal(1),
  name: z.string(),
  description: z.string().optional(),
  updatedAt: z.string().optional(),
  avoid: z.array(z.string()),
  threshold: z.number().min(0).max(100),
  prefer: z.array(
    z.looseObject({
      category: categorySchema.optional(),
      mood: moodSchema.optional(),
      kind: phraseKindSchema,
      text: z.string(),
    }),
  ),
  boilerplate: z.array(z.string()).optional(),
});
export type GuideV1 = z.infer<typeof guideV1Schema>;

export default defineMigration({
  from: 1,
  to: 2,
  input: guideV1Schema,
  migrate({ avoid, threshold, ...rest }: GuideV1) {
    // A v1 file may already carry v2-style thresholds (hand-edited); an explicit v1 value wins
    // for `canned` because it is the one v1 readers honoured.
    const earlier = rest.thresholds !== null && typeof rest.thresholds === 'object' ? rest.thresholds : {};
    return {
      ...rest,
      avoid: avoid.map((phrase) => ({ phrase, why: V1_AVOID_REASON })),
      thresholds: { ...earlier, canned: threshold },
    };
  },
});
