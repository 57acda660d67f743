import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

/** Cut their effort: do it for them, or send the exact guide, and check back. */
export default defineTemplate({
  id: 'answer-for-them',
  kind: 'next-step',
  description: 'Do the task for them or send the guide, and follow up.',
  applies: (f) => f.category === 'how-to',
  order: () => 20,
  variants: [
    (f) => (f.task ? finish(`${lead(f)}if it's easier, I can ${f.task} for you today; I just need ⟨what you need⟩.`) : null),
    (f) => (f.task ? finish(`I've sent you a step-by-step guide to ${f.task}${tail(f)}; I'll check on ⟨day⟩ it worked.`) : null),
    (f) => (f.task ? finish(`${lead(f)}I'll check back on ⟨day⟩ that you managed to ${f.task}.`) : null),
  ],
  short: (f) => finish(`${lead(f)}I can do it for you today if that's easier.`),
  talkingPoint: (f) => `Do it for them or walk them through it${f.task ? `: ${f.task}` : ''}`,
  examples: [{ message: 'How do I add my son to my account?', includes: ['add your son to your account'] }],
});
