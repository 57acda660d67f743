import { defineTemplate } from './define-template';
import { finish, issueOr, lead, tail } from './phrases';

/** A calm problem report: show you looked, in their words, and say what you found. */
export default defineTemplate({
  id: 'acknowledge-status',
  kind: 'acknowledge',
  description: 'For a calm report of a failure: name it and say what you found.',
  applies: (f) => f.failure && (f.tone === 'neutral' || f.tone === 'grateful'),
  order: () => 30,
  variants: [
    (f) => finish(`${lead(f)}I've checked: ${issueOr(f)}, and ⟨what you found⟩.`),
    (f) => finish(`${lead(f)}I've looked into it: ${issueOr(f)}. ⟨What you found⟩.`),
    (f) => finish(`I've checked your account${tail(f)}, and I can see what happened: ${issueOr(f)}. ⟨What you found⟩.`),
  ],
  short: (f) => finish(`I've checked your account${tail(f)}: ⟨what you found⟩.`),
  talkingPoint: () => 'Say what you found on their account; name it in their words',
  examples: [{ message: 'Hello, my parcel has not arrived yet, order 48213.', includes: ['your parcel has not arrived yet'] }],
});
