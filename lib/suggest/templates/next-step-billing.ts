import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

/** Billing: the repair is money; say how much, where it goes and when it lands (Halperin et al.: costly repair works). */
export default defineTemplate({
  id: 'next-step-billing',
  kind: 'next-step',
  description: 'Concrete money repair with an amount and a date.',
  applies: (f) => f.category === 'billing' && f.mood !== 'leaving',
  order: () => 40,
  variants: [
    (f) => (f.anchor ? finish(`${lead(f)}I'm ⟨refunding or crediting⟩ ${f.anchor} today, and you'll see it on your account by ⟨date⟩.`) : null),
    (f) => (f.anchor ? finish(`${lead(f)}I'll email you a corrected bill by ⟨day⟩ with ${f.anchor} put right.`) : null),
    (f) => (f.anchor ? finish(`Here's the plan for ${f.anchor}${tail(f)}: ⟨what you've done⟩, and the money reaches you by ⟨date⟩.`) : null),
  ],
  short: (f) => finish(`I'm ⟨refunding or crediting⟩ it today${tail(f)}; it lands by ⟨date⟩.`),
  talkingPoint: (f) => `Say exactly what you've refunded or corrected${f.amounts[0] ? ` (${f.amounts[0]})` : ''} and when it lands`,
  examples: [{ message: 'You charged me £42.50 twice this month.', includes: ['⟨'] }],
});
