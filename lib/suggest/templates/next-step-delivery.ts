import { defineTemplate } from './define-template';
import { finish, lead, tail, thing } from './phrases';

/** Delivery: a new date and what happens if it slips, so they never have to chase. */
export default defineTemplate({
  id: 'next-step-delivery',
  kind: 'next-step',
  description: 'New delivery date, and the fallback if it slips.',
  applies: (f) => f.category === 'delivery' && f.mood !== 'leaving',
  order: () => 40,
  variants: [
    (f) => (f.anchor ? finish(`${lead(f)}I've ⟨chased the courier or sent a replacement⟩ for ${f.anchor}; it reaches you by ⟨date⟩, and I'll check on it that morning.`) : null),
    (f) => (f.anchor ? finish(`I'm tracking ${f.anchor} myself${tail(f)}: ⟨where it is now⟩. If it isn't with you by ⟨date⟩, I'll send a replacement.`) : null),
    (f) => finish(`${lead(f)}I've booked ⟨a redelivery⟩ for ⟨date⟩ and I'll check on it that morning.`),
  ],
  short: (f) => finish(`${lead(f)}your ${thing(f, 'order')} reaches you by ⟨date⟩; I'll check that morning.`),
  talkingPoint: () => 'Give the new delivery date and what you will do if it slips',
  examples: [{ message: 'My parcel still has not arrived, order 55102.', includes: ['⟨date⟩'] }],
});
