import { defineTemplate } from './define-template';
import type { Facts } from '../facts';
import { finish, lead, tail } from './phrases';

/** Getting in (passwords, codes, lock-outs) needs different words from changing details. */
const signIn = (f: Facts) => /\b(?:password|log ?in|logging in|sign ?in|locked|reset|verification|code|hacked|access)\b/i.test(f.situation.issue.summary);

/** Account: what changed, when they can get back in, and the confirmation. */
export default defineTemplate({
  id: 'next-step-account',
  kind: 'next-step',
  description: 'What you changed on the account and when they can use it again.',
  applies: (f) => f.category === 'account' && f.mood !== 'leaving',
  order: (f) => (f.failure ? 40 : 20),
  variants: [
    (f) =>
      signIn(f)
        ? finish(`${lead(f)}I've ⟨what you changed⟩; you can sign in from ⟨time⟩.`)
        : finish(`${lead(f)}I've updated ⟨what you changed⟩; it shows on your account from ⟨time⟩.`),
    (f) => finish(`I've checked your account${tail(f)}: ⟨what you found⟩. I'll confirm by ⟨time⟩.`),
    (f) =>
      signIn(f)
        ? finish(`${lead(f)}I've sent a reset link to ⟨email address⟩ just now.`)
        : finish(`${lead(f)}I've updated ⟨what you changed⟩ just now; I'll confirm by email today.`),
  ],
  talkingPoint: () => 'Say what you changed and when they can sign in again',
  examples: [{ message: "I can't log in, it says my password is wrong.", includes: ['⟨'] }],
});
