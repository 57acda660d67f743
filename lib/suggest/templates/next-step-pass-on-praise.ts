import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

/** Praise: make sure it reaches the person it was about (Grant & Gino 2010: thanks make helpers feel valued). */
export default defineTemplate({
  id: 'next-step-pass-on-praise',
  kind: 'next-step',
  description: 'Pass the praise on to the person it was about.',
  applies: (f) => f.category === 'praise',
  order: () => 30,
  variants: [
    (f) => finish(`I've passed your words on to ${f.person ?? '⟨who helped⟩'}${tail(f)} today.`),
    (f) => finish(`${lead(f)}${f.person ?? '⟨who helped⟩'} and their manager will see this today.`),
    (f) => finish(`${lead(f)}I've sent your message to ${f.person ?? '⟨who helped⟩'} and their team lead.`),
  ],
  talkingPoint: (f) => `Say you'll pass it on to ${f.person ?? 'the person who helped'}`,
  examples: [{ message: 'Priya on your chat team was brilliant yesterday, so patient with me.', includes: ['Priya'] }],
});
