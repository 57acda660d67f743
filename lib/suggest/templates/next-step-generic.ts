import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

/** Fallback so there is always an owned next step with a time, whatever the situation. */
export default defineTemplate({
  id: 'next-step-generic',
  kind: 'next-step',
  description: 'An owned next step with a time, for situations no specific template covers.',
  fallback: true,
  applies: (f) => f.mood !== 'leaving' && f.category !== 'praise',
  order: () => 90,
  variants: [
    (f) => finish(`${lead(f)}I'll ⟨what you'll do⟩ by ⟨day and time⟩.`),
    (f) => finish(`Next${tail(f)}: ⟨what you did⟩, and I'll update you by ⟨day⟩.`),
    (f) => finish(`${lead(f)}I've ⟨what you did⟩ today; I'll check back on ⟨day⟩.`),
  ],
  talkingPoint: () => 'Say what you will do and by when',
  examples: [{ message: '', includes: ['⟨'] }],
});
