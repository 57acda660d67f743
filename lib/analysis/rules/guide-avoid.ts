import { defineRule, matchAll } from '../rule';
import type { RawFinding } from '../rule';

/** A runaway team pattern (e.g. one matching every word) should not bury the draft in findings. */
const MAX_HITS_PER_ENTRY = 50;

export default defineRule({
  id: 'guide-avoid',
  description: "A phrase or pattern your team's guide asks to avoid.",
  severity: 'warning',
  weight: 0.2,
  maxCount: 3,
  check(doc, ctx) {
    const out: RawFinding[] = [];
    for (const entry of ctx.guide?.avoid ?? []) {
      for (const h of matchAll(entry.re, doc.text).slice(0, MAX_HITS_PER_ENTRY)) {
        out.push({
          start: h.start,
          end: h.end,
          message: entry.why ? `Team guide: avoid “${h.text}”. ${entry.why}` : `Team guide: avoid “${h.text}”.`,
          fix: entry.instead ? { replacement: entry.instead, hint: `Try: “${entry.instead}”` } : undefined,
        });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
  examples: {
    flag: [
      {
        text: 'No worries, I have sorted it.',
        span: 'No worries',
        ctx: { guide: { avoid: [{ phrase: 'no worries', why: 'Too casual for banking customers.', instead: 'Happy to help' }] } },
      },
      {
        text: 'Your ticket ID is TK-4412.',
        span: 'ticket ID',
        ctx: { guide: { avoid: [{ pattern: '\\bticket (?:id|number)\\b', flags: 'i', why: 'Customers do not know our ticket IDs.' }] } },
      },
    ],
    allow: [
      { text: 'I have sorted it, Sam.', ctx: { guide: { avoid: [{ phrase: 'no worries', why: 'Too casual.' }] } } },
      'No worries, I have sorted it.',
    ],
  },
});
