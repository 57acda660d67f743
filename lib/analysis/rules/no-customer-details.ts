import { defineRule } from '../rule';
import { bodyWordCount } from '../signals';
import { echoes, examplesOf, extractSpecifics, hasSpecifics } from '../specifics';
import { nameForms } from '../text';

/** Below this many words a reply is an acknowledgement ("Done, refunded."), not an answer to echo details in. */
const MIN_BODY_WORDS = 12;

export default defineRule({
  id: 'no-customer-details',
  description: "Reuses nothing concrete from the customer's message (numbers, names, products, dates). Needs the message.",
  severity: 'warning',
  weight: 0.3,
  source: 'https://doi.org/10.1093/jcr/ucaa038',
  check(doc, ctx) {
    if (!ctx.customerMessage || bodyWordCount(doc) < MIN_BODY_WORDS) return [];
    const specifics = extractSpecifics(ctx.customerMessage, ctx.customerName ? nameForms(ctx.customerName) : undefined);
    if (!hasSpecifics(specifics) || echoes(doc.text, specifics, doc.tokens)) return [];
    const anchor = doc.bodySentences[0] ?? doc.sentences[0];
    if (!anchor) return [];
    const examples = examplesOf(specifics).map((e) => `“${e}”`);
    return [
      {
        start: anchor.start,
        end: anchor.end,
        message: `Nothing from their message is echoed back${examples.length ? ` (they mentioned ${examples.join(' and ')})` : ''}.`,
        fix: { hint: 'Mention a detail they gave, in their words, so they can tell you read it.' },
      },
    ];
  },
  examples: {
    flag: [
      {
        text: 'Thank you for your message. We have looked into your request and the relevant changes have been applied to your account.',
        span: 'Thank you for your message.',
        ctx: { customerMessage: 'My router (TP-Link Archer) drops wifi every evening since 12 March, order 48213.' },
      },
    ],
    allow: [
      {
        text: 'The Archer keeps dropping because of a firmware bug; I pushed the fix to it remotely just now, so tonight should be stable.',
        ctx: { customerMessage: 'My router (TP-Link Archer) drops wifi every evening since 12 March.' },
      },
      {
        text: 'I found order 48213 and the courier has it at the depot; it will be with you on Thursday before noon.',
        ctx: { customerMessage: 'Where is order 48213? It was due last week.' },
      },
      { text: 'Done, refunded.', ctx: { customerMessage: 'Please refund order 48213.' } },
      'Thank you for your message. We have looked into your request and applied the changes to your account.',
    ],
  },
});
