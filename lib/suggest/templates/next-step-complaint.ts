import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

/** Complaint about handling or staff: a named owner and a date, not "your feedback is important". */
export default defineTemplate({
  id: 'next-step-complaint',
  kind: 'next-step',
  description: 'Who is acting on the complaint and when they hear back.',
  applies: (f) => f.category === 'complaint' && f.mood !== 'leaving',
  order: () => 40,
  variants: [
    (f) => finish(`${lead(f)}I've passed this to ⟨manager's name⟩; I'll call you by ⟨day⟩.`),
    (f) => finish(`I'm handling your complaint myself${tail(f)}; I'll update you by ⟨day⟩.`),
    (f) => finish(`${lead(f)}your complaint reference is ⟨reference⟩; I'll update you by ⟨day⟩.`),
  ],
  talkingPoint: () => 'Name who is acting on it and the day they will hear back',
  examples: [{ message: 'The man I spoke to was rude and hung up on me.', includes: ['⟨'] }],
});
