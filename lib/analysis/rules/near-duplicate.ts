import { NEAR_DUPLICATE_THRESHOLD } from '../near-duplicate';
import { defineRule } from '../rule';

const macro = (name: string, n: string) =>
  `Hi ${name},\nThank you for reaching out about order ${n}. We have checked with our warehouse and your parcel has been dispatched with our courier partner, so it should reach you within the next few working days. You will receive a tracking email once the courier scans it.\nBest,\nSam`;

export default defineRule({
  id: 'near-duplicate',
  description: 'Nearly the same words as an earlier reply (after ignoring names, numbers, greeting and sign-off).',
  severity: 'warning',
  weight: 0.5,
  source: 'https://doi.org/10.1177/1094670512446062',
  check(doc, ctx) {
    const similar = ctx.similar;
    if (!similar || doc.body.end <= doc.body.start) return [];
    const pct = Math.round(similar.similarity * 100);
    // At the threshold the evidence alone is borderline; a verbatim copy is close to certain.
    const over = Math.max(0, Math.min(1, (similar.similarity - NEAR_DUPLICATE_THRESHOLD) / (1 - NEAR_DUPLICATE_THRESHOLD)));
    return [
      {
        start: doc.body.start,
        end: doc.body.end,
        message: `Reads like reply ${similar.id} (${pct}% the same wording).`,
        weight: 0.5 + 0.45 * over,
        fix: { hint: 'Rewrite the parts that are about this customer in their terms; keep only the facts.' },
      },
    ];
  },
  examples: {
    flag: [
      { text: macro('Priya', '48213'), ctx: { pastReplies: [{ id: 'r-17', text: macro('Tom', '55120') }] } },
    ],
    allow: [
      {
        text: 'Hi Priya,\nYour order 48213 left our Leeds warehouse this morning; DPD has it and the tracking link is in your inbox. It should be with you Thursday.\nBest,\nSam',
        ctx: { pastReplies: [{ id: 'r-17', text: macro('Tom', '55120') }] },
      },
      macro('Priya', '48213'),
    ],
  },
});
