import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

/** Technical: the fix, or the visit, and when you'll check it worked. */
export default defineTemplate({
  id: 'next-step-technical',
  kind: 'next-step',
  description: 'The fix or the booked visit, plus when you will check it worked.',
  applies: (f) => f.category === 'technical' && f.mood !== 'leaving',
  order: () => 40,
  variants: [
    (f) => (f.anchor ? finish(`${lead(f)}I've ⟨what you did⟩ on ${f.anchor} from my side, and I'll call you at ⟨time⟩ to check it's working.`) : null),
    (f) => finish(`Here's the fix${tail(f)}: ⟨steps⟩. I'll check in at ⟨time⟩.`),
    (f) => finish(`${lead(f)}I'm booking ⟨an engineer⟩ for ⟨date⟩ and I'll text the day before.`),
  ],
  short: (f) => finish(`Here's the fix${tail(f)}: ⟨steps⟩. I'll check in at ⟨time⟩.`),
  talkingPoint: () => 'Give the fix or the visit time, and when you will check it worked',
  examples: [{ message: 'The app keeps crashing when I open my bill.', includes: ['⟨'] }],
});
