import { defineTemplate } from './define-template';
import type { Facts } from '../facts';
import { finish, lead, tail } from './phrases';

const who = (f: Facts) => f.person ?? f.role ?? '⟨who helped⟩';

/** Praise: make sure it reaches the person it was about (Grant & Gino 2010: thanks make helpers feel valued). */
export default defineTemplate({
  id: 'next-step-pass-on-praise',
  kind: 'next-step',
  description: 'Pass the praise on to the person it was about.',
  applies: (f) => f.category === 'praise',
  order: () => 30,
  variants: [
    (f) => finish(`I've passed this on to ${who(f)} today${tail(f)}.`),
    (f) => finish(`${lead(f)}${who(f)} and their manager will see this today.`),
    (f) => finish(`${lead(f)}I've sent your message to ${who(f)} and their team lead.`),
  ],
  talkingPoint: (f) => `Say you'll pass it on to ${f.person ?? f.role ?? 'the person who helped'}`,
  examples: [{ message: 'Priya on your chat team was brilliant yesterday, so patient with me.', includes: ['Priya'] }],
});
