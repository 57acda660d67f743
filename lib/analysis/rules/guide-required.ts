import { defineRule } from '../rule';
import type { RawFinding } from '../rule';
import { signals } from '../signals';
import { findNameToken, firstName } from '../text';

// Without a known name, a greeting counts as personal if it addresses someone by a capitalised word.
const NAMED_GREETING = /^(?:hi|hello|hey|hiya|dear|good (?:morning|afternoon|evening))[ \t]+(?!there\b|team\b|all\b|customer\b|sir\b|madam\b|valued\b|friend\b)\p{Lu}/iu;

export default defineRule({
  id: 'guide-required',
  description: "Something your team's guide requires in every reply is missing (a next step with a time, the customer's name).",
  severity: 'warning',
  weight: 0.15,
  maxCount: 2,
  check(doc, ctx) {
    const required = ctx.guide?.required;
    if (!required || required.size === 0) return [];
    const out: RawFinding[] = [];
    const first = doc.sentences[0];
    const last = doc.bodySentences[doc.bodySentences.length - 1] ?? doc.sentences[doc.sentences.length - 1];
    if (required.has('next-step-time') && !signals(doc).hasConcreteTime && last) {
      out.push({
        start: last.start,
        end: last.end,
        message: 'Team guide: every reply needs a next step with a time.',
        fix: { hint: 'Add when the next thing happens: “I’ll email you by 5pm Friday.”' },
      });
    }
    if (required.has('customer-name') && first) {
      const named = ctx.customerName
        ? findNameToken(doc, ctx.customerName) !== null
        : doc.greeting !== null && NAMED_GREETING.test(doc.text.slice(doc.greeting.start, doc.greeting.end));
      if (!named) {
        const anchor = doc.greeting ?? first;
        const name = firstName(ctx.customerName);
        out.push({
          start: anchor.start,
          end: anchor.end,
          message: "Team guide: address the customer by name.",
          fix: { hint: name ? `Use “${name}”.` : "Add the customer's name." },
        });
      }
    }
    return out;
  },
  examples: {
    flag: [
      {
        text: 'I have looked at the router logs and the drops come from the line, not the router.',
        ctx: { guide: { required: ['next-step-time'] } },
      },
      { text: 'Hi there, the refund is done today.', span: 'Hi there,', ctx: { guide: { required: ['customer-name'] } } },
      { text: 'Hello, the refund is done today.', ctx: { customerName: 'Priya Shah', guide: { required: ['customer-name'] } } },
    ],
    allow: [
      { text: 'Hi Priya, the engineer comes tomorrow at 9am.', ctx: { guide: { required: ['next-step-time', 'customer-name'] } } },
      { text: 'Priya, the engineer comes tomorrow at 9am.', ctx: { customerName: 'Priya Shah', guide: { required: ['customer-name'] } } },
      'I have looked at the router logs and the drops come from the line, not the router.',
    ],
  },
});
