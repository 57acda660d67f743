import { defineTemplate } from './define-template';
import { finish, issueOr, lead, sorryFor, sorryShort, tail } from './phrases';

/** The core apology: names the failure in the customer's words and owns it in the first person. */
export default defineTemplate({
  id: 'apology-issue',
  kind: 'apology',
  description: 'Apologise for the specific failure, in their words; own it; no hedging (Lewicki et al. 2016).',
  applies: (f) => f.failure && (f.mood !== 'leaving' || f.issue !== null),
  order: (f) => (f.mood === 'leaving' ? 50 : 20),
  variants: [
    (f) => (f.issue ? finish(`${lead(f)}${sorryFor(f)}. That's on us, and I'm fixing it myself today.`) : null),
    (f) => (f.issue ? finish(`${sorryFor(f)}${tail(f)}. We got this wrong, and I'll put it right today.`) : null),
    (f) => (f.issue ? finish(`${lead(f)}you shouldn't have to deal with this: ${issueOr(f)}. I'm sorry, and I'll sort it out today.`) : null),
    (f) => (f.issue ? finish(`${sorryFor(f)}${tail(f)}. I'm keeping hold of it myself until it's fixed.`) : null),
  ],
  short: (f) => finish(`${sorryShort(f)}${tail(f)}.`),
  talkingPoint: (f) => (f.issue ? `Name it in their words (${f.issueShort}); own it, no excuses` : 'Say what went wrong in their words; own it, no excuses'),
  examples: [
    { message: 'My router keeps dropping the connection every evening.', includes: ['your router keeps dropping the connection every evening'] },
    { message: 'I was charged twice for March.', record: { name: 'Aisha Khan' }, includes: ['you were charged twice for March', 'Aisha'] },
  ],
});
