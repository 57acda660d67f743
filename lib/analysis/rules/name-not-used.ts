import { defineRule } from '../rule';
import { bodyWordCount } from '../signals';
import { findNameToken, firstName } from '../text';

const MIN_BODY_WORDS = 20;

export default defineRule({
  id: 'name-not-used',
  description: "The customer's name is known but appears nowhere in a longer reply. (A nameless greeting is generic-greeting's job.)",
  severity: 'info',
  weight: 0.1,
  source: 'https://www.intercom.com/blog/how-we-use-intercom-for-customer-support/',
  check(doc, ctx) {
    if (!ctx.customerName || doc.greeting || bodyWordCount(doc) < MIN_BODY_WORDS || findNameToken(doc, ctx.customerName)) return [];
    const first = doc.sentences[0];
    if (!first) return [];
    const name = firstName(ctx.customerName) ?? ctx.customerName;
    return [
      {
        start: first.start,
        end: first.end,
        message: `${name}'s name is not in the reply.`,
        fix: { hint: `Address ${name} by name once.` },
      },
    ];
  },
  examples: {
    flag: [
      {
        text: 'Your replacement handset left the warehouse this morning and the courier will text you a two hour delivery window tomorrow.',
        ctx: { customerName: 'Amara Obi' },
      },
    ],
    allow: [
      { text: 'Amara, your replacement handset left the warehouse this morning and the courier will text you a delivery window tomorrow.', ctx: { customerName: 'Amara Obi' } },
      'Your replacement handset left the warehouse this morning and the courier will text you a two hour delivery window tomorrow.',
      { text: 'Done, refunded.', ctx: { customerName: 'Amara Obi' } },
    ],
  },
});
