import { defineTemplate } from './define-template';
import { count, finish, lead, nth, tail, times } from './phrases';

/** Repeat contacts on a question or a thank-you: own the repeat without an apology. */
export default defineTemplate({
  id: 'acknowledge-repeat-contact',
  kind: 'acknowledge',
  description: 'Own the number of contacts when the message is praise or a question.',
  essential: true,
  applies: (f) => !f.failure && (f.contacts ?? 0) >= 3 && f.mood !== 'leaving',
  order: (f) => (f.category === 'how-to' ? 5 : 45),
  variants: [
    (f) => finish(`${lead(f)}you shouldn't have had to contact us ${times(f.contacts ?? 3)} this month.`),
    (f) => finish(`${lead(f)}this is your ${nth(f.contacts ?? 3)} contact this month; this reply covers everything.`),
    (f) => finish(`${count(f.contacts ?? 3)} contacts this month is too many${tail(f)}; this settles it.`),
  ],
  talkingPoint: (f) => `Own the ${count(f.contacts ?? 3)} contacts this month; cover everything in one go`,
  examples: [{ message: 'How do I read my meter?', record: { contactsLast30Days: 3 }, includes: ['th'] }],
});
