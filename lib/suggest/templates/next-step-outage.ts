import { defineTemplate } from './define-template';
import { finish, lead, tail, thing } from './phrases';

/** Outage: a repair time and the next update, owned by the agent. */
export default defineTemplate({
  id: 'next-step-outage',
  kind: 'next-step',
  description: 'Give the repair estimate and a time for the next update.',
  applies: (f) => f.category === 'outage' && f.mood !== 'leaving',
  order: () => 40,
  variants: [
    (f) => finish(`${lead(f)}I'll text you by ⟨time⟩ with a repair update on your ${thing(f, 'service')}.`),
    (f) => finish(`The repair is due by ⟨time and day⟩${tail(f)}; I'll call you once it's back.`),
    (f) => (f.anchor ? finish(`${lead(f)}about ${f.anchor}: the repair is due by ⟨time and day⟩, and I'll text you the moment it's back.`) : null),
  ],
  short: (f) => finish(`I'll text you by ⟨time⟩ with a repair update${tail(f)}.`),
  talkingPoint: () => 'Give the repair time and when you will update them',
  examples: [{ message: 'No internet since Monday, the whole street is down.', includes: ['⟨'] }],
});
