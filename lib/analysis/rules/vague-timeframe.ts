import { defineRule, matchAll } from '../rule';
import { VAGUE_TIME } from '../signals';

export default defineRule({
  id: 'vague-timeframe',
  description: 'A time that commits to nothing ("shortly", "as soon as possible", "24–48 hours").',
  severity: 'warning',
  weight: 0.15,
  maxCount: 2,
  source: 'https://uxdesign.cc/automatic-replies-that-dont-feel-automatic',
  check(doc) {
    return matchAll(VAGUE_TIME, doc.text, doc.body.start, doc.body.end).map((h) => ({
      start: h.start,
      end: h.end,
      message: `“${h.text}” is not a time the customer can hold you to.`,
      fix: { hint: 'Give a real time: “by 5pm Thursday”, “within 2 hours”.' },
    }));
  },
  examples: {
    flag: [
      { text: 'We will get back to you shortly.', span: 'shortly' },
      { text: 'It will be resolved as soon as possible.', span: 'as soon as possible' },
      { text: 'Expect a reply within 24-48 hours.', span: 'within 24-48 hours' },
      { text: 'The team will be in touch soon.', span: 'soon' },
    ],
    allow: ['I’ll call you at 4pm tomorrow.', 'Your refund lands within 3-5 business days.', 'Hope you feel better soon!\nTalk soon,\nSam'],
  },
});
