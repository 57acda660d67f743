import { defineRule, matchAll } from '../rule';

const APOLOGY = /\b(?:sorry|apologi[sz](?:e|es|ed|ing)|apologies|apology|regret(?:s|ful|fully)?)\b(?! to inform)/gi;

export default defineRule({
  id: 'repeated-apology',
  description: 'More than one apology in a reply; repeated apologies read as scripted and can do worse than none.',
  severity: 'info',
  weight: 0.12,
  source: 'https://www.nber.org/papers/w25676',
  check(doc) {
    const hits = matchAll(APOLOGY, doc.text, doc.body.start, doc.body.end);
    return hits.slice(1).map((h) => ({
      start: h.start,
      end: h.end,
      message: 'Another apology: one specific apology is stronger than several.',
      fix: { hint: 'Keep the most specific apology; replace the others with what you did about it.' },
    }));
  },
  examples: {
    flag: [{ text: 'Sorry for the wait. I fixed the bill. Sorry again!', span: 'Sorry' }],
    allow: ['I’m sorry the courier left it in the rain; a replacement ships today.', 'We regret to inform you that the offer ended.'],
  },
});
