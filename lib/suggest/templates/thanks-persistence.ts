import { defineTemplate } from './define-template';
import { count, finish, lead, tail } from './phrases';

/** Thanks instead of a second apology for the wait (You et al. 2020); never "thank you for your patience". */
export default defineTemplate({
  id: 'thanks-persistence',
  kind: 'thanks',
  description: 'Appreciate the effort a repeat or frustrated customer has put in.',
  applies: (f) => f.failure && f.mood !== 'leaving' && ((f.contacts ?? 0) >= 3 || f.tone === 'frustrated'),
  order: () => 50,
  variants: [
    (f) =>
      finish(
        (f.contacts ?? 0) >= 3
          ? `Thank you for sticking with this through ${count(f.contacts ?? 3)} contacts${tail(f)}.`
          : `Thank you for sticking with this${tail(f)}; it's taken too long.`,
      ),
    (f) => finish(`${lead(f)}thanks for keeping at this with us${(f.contacts ?? 0) >= 3 ? ` through ${count(f.contacts ?? 3)} contacts` : ''}.`),
    (f) => finish(`I'm grateful you gave us another chance to fix this${tail(f)}.`),
  ],
  talkingPoint: (f) => `Thank them for persisting${(f.contacts ?? 0) >= 3 ? ` through ${f.contacts} contacts` : ''}`,
  examples: [{ message: 'My internet is down again.', record: { contactsLast30Days: 4 }, includes: ['this'] }],
});
