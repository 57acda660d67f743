import { defineRule } from '../rule';
import { bodyWordCount, signals } from '../signals';

/** Very short replies are acknowledgements; asking them for a next step would be noise. */
const MIN_BODY_WORDS = 15;

export default defineRule({
  id: 'no-next-step',
  description: 'Neither resolves the issue nor says who does what next and when.',
  severity: 'warning',
  weight: 0.25,
  source: 'https://hbr.org/2010/07/stop-trying-to-delight-your-customers',
  check(doc) {
    if (bodyWordCount(doc) < MIN_BODY_WORDS || signals(doc).hasNextStep) return [];
    const last = doc.bodySentences[doc.bodySentences.length - 1];
    if (!last) return [];
    return [
      {
        start: last.start,
        end: last.end,
        message: 'No concrete next step: the customer cannot tell what happens now, or when.',
        fix: { hint: 'Say what you did, or what you will do and by when: “I’ll call you by 4pm Thursday.”' },
      },
    ];
  },
  examples: {
    flag: [
      {
        text: 'We have received your complaint and it will be looked into by the team. We appreciate your patience and understanding in this matter.',
        span: 'We appreciate your patience and understanding in this matter.',
      },
    ],
    allow: [
      'Thanks Priya, done: your refund of 42.10 went out today.',
      'I have checked the line from our side and everything looks healthy now, so the drops you saw last night should not come back.',
      'I will call you tomorrow at 10am to go through the new tariff with you and answer anything that is still unclear.',
      'Could you send me a photo of the label on the back of the router, so I can check which firmware it is running?',
    ],
  },
});
