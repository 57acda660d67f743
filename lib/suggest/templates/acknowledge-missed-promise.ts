import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

/**
 * A missed promise in a praise or how-to conversation: name it and say what you did, but do not
 * turn a thank-you or a question into an apology.
 */
export default defineTemplate({
  id: 'acknowledge-missed-promise',
  kind: 'acknowledge',
  description: 'Name a missed promise without apologising when the message itself is praise or a question.',
  essential: true,
  applies: (f) => f.missed !== null && !f.failure && f.mood !== 'leaving',
  order: () => 40,
  variants: [
    (f) => (f.missed ? finish(`${lead(f)}I can also see we ${f.missed.clause} and didn't; I've ⟨what you did⟩ today.`) : null),
    (f) => (f.missed ? finish(`One thing I'm putting right today${tail(f)}: we ${f.missed.clause}, and that didn't happen.`) : null),
    (f) => (f.missed ? finish(`${lead(f)}we ${f.missed.clause} and missed it, so I've ⟨what you did⟩ today.`) : null),
  ],
  short: (f) => (f.missed ? finish(`We missed this${tail(f)}: ${f.missed.short}. I've ⟨what you did⟩.`) : null),
  talkingPoint: (f) => `Name the missed promise (${f.missed?.short ?? 'what was promised'}) and what you have done`,
  examples: [
    {
      message: 'How do I set up voicemail?',
      record: { missedPromise: { text: 'call back about the upgrade', dueAt: '2024-04-02' } },
      includes: ['call back about the upgrade by Tuesday 2 April'],
    },
  ],
});
