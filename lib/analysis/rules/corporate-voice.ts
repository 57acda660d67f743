import { defineRule } from '../rule';

const SINGULAR = new Set(['i', "i'm", "i've", "i'll", "i'd", 'me', 'my', 'mine', 'myself']);
const PLURAL = new Set(['we', "we're", "we've", "we'll", "we'd", 'us', 'our', 'ours', 'ourselves']);
/** Long enough that having no "I" at all is a choice, not an accident of brevity. */
const MIN_WORDS = 25;
const MIN_PLURAL = 3;
const CURLY_APOSTROPHE = /’/g;

export default defineRule({
  id: 'corporate-voice',
  description: 'Only "we/our", never "I": the company answers, no person owns the reply.',
  severity: 'info',
  weight: 0.15,
  source: 'https://doi.org/10.1509/jmr.16.0118',
  check(doc) {
    let words = 0;
    let singular = 0;
    let plural = 0;
    let firstPlural: { start: number; end: number } | null = null;
    for (const t of doc.tokens) {
      if (t.start < doc.body.start || t.end > doc.body.end) continue;
      words++;
      const w = t.norm.includes('’') ? t.norm.replace(CURLY_APOSTROPHE, "'") : t.norm;
      if (SINGULAR.has(w)) singular++;
      else if (PLURAL.has(w)) {
        plural++;
        firstPlural ??= t;
      }
    }
    if (words < MIN_WORDS || singular > 0 || plural < MIN_PLURAL || !firstPlural) return [];
    return [
      {
        start: firstPlural.start,
        end: firstPlural.end,
        message: `“We” ${plural} times and “I” never: nobody in particular owns this reply.`,
        fix: { hint: 'Say what you did or will do yourself: “I’ve…”, “I’ll…”.' },
      },
    ];
  },
  examples: {
    flag: [
      {
        text: 'We have reviewed your account and we can confirm that our records show the payment. We will update the balance and our billing system will reflect the change on the next statement.',
        span: 'We',
      },
    ],
    allow: [
      'We have reviewed your account and I can confirm that our records show the payment. I will update the balance and our billing system will reflect the change on the next statement.',
      'We fixed it. Our apologies.',
    ],
  },
});
