import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

/** A plain request with nothing broken: say you'll do it, and when. No apology. */
export default defineTemplate({
  id: 'acknowledge-request',
  kind: 'acknowledge',
  description: 'Confirm a request in their words, with a time.',
  applies: (f) => !f.failure && f.request !== null && f.mood !== 'leaving' && f.category !== 'praise' && f.category !== 'how-to',
  order: () => 12,
  variants: [
    (f) => finish(`${lead(f)}I'll ${f.request} for you now and confirm it by ⟨time⟩.`),
    (f) => finish(`Yes${tail(f)}, I can ${f.request}. ⟨When it takes effect⟩.`),
    (f) => finish(`${lead(f)}I've started on this: I'll ${f.request} and email you by ⟨day⟩.`),
  ],
  short: (f) => finish(`Yes${tail(f)}, I'll do that for you today.`),
  talkingPoint: (f) => `Confirm you'll ${f.request ?? 'do it'}; give a time`,
  examples: [{ message: "I'd like to change my address to 4 Mill Lane please.", includes: ['change your address'] }],
});
