import { defineTemplate } from './define-template';
import { finish, firstDetail, lead, tail, thing } from './phrases';

/** Cancelling one thing (an order, a booking): confirm it and say what happens to the money. */
export default defineTemplate({
  id: 'next-step-cancellation',
  kind: 'next-step',
  description: 'Confirm the cancellation and the refund date.',
  applies: (f) => f.category === 'cancellation' && f.mood !== 'leaving',
  order: () => 20,
  variants: [
    (f) => finish(`${lead(f)}I've cancelled ${firstDetail(f) ?? `your ${thing(f, 'order')}`}; ⟨refund details⟩ by ⟨date⟩.`),
    (f) => finish(`Done${tail(f)}: ${firstDetail(f) ?? `your ${thing(f, 'order')}`} is cancelled, and ⟨what happens to the payment⟩.`),
    (f) => finish(`${lead(f)}I've stopped ${firstDetail(f) ?? `your ${thing(f, 'order')}`}; confirmation comes by email today.`),
  ],
  talkingPoint: () => 'Confirm what is cancelled and when the money comes back',
  examples: [{ message: 'Please cancel my order 77120, I ordered the wrong size.', includes: ['order 77120'] }],
});
