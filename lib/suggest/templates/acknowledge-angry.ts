import { defineTemplate } from './define-template';
import { finish, issueOr, lead, tail } from './phrases';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Anger: agree with what is true, name it, no excuses and no "I understand your frustration". */
export default defineTemplate({
  id: 'acknowledge-angry',
  kind: 'acknowledge',
  description: 'Validate anger with the specific failure rather than a stock empathy line.',
  applies: (f) => f.failure && f.tone === 'angry',
  order: () => 30,
  variants: [
    (f) => finish(`${lead(f)}you have every right to be angry: ${issueOr(f)}. I'm dealing with it myself today.`),
    (f) => finish(`${lead(f)}I've read your message properly, and you're right: ${issueOr(f)}, and that isn't good enough. I'm fixing it today.`),
    (f) => finish(`You're right to be angry${tail(f)}. ${cap(issueOr(f))}, and I won't make excuses; I'll put it right today.`),
  ],
  short: (f) => finish(`You're right to be angry${tail(f)}, and I'm on it today.`),
  talkingPoint: () => 'Let them finish; agree it was not good enough; no excuses',
  examples: [{ message: 'This is absolutely disgusting, you cut off my phone line without warning!!', includes: ['cut off your phone line without warning'] }],
});
