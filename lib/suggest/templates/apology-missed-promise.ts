import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

/** A broken promise is named with what was promised and when; it is the thing they remember. */
export default defineTemplate({
  id: 'apology-missed-promise',
  kind: 'apology',
  description: 'Own a missed promise by naming what was promised and by when.',
  essential: true,
  applies: (f) => f.failure && f.missed !== null,
  order: (f) => (f.mood === 'leaving' ? 40 : 10),
  variants: [
    (f) => (f.missed ? finish(`${lead(f)}I'm sorry: we ${f.missed.clause}, and that didn't happen. I'm putting it right today.`) : null),
    (f) => (f.missed ? finish(`We ${f.missed.clause}${tail(f)}, and we let you down. I'm sorry, and I'm handling it myself today.`) : null),
    (f) => (f.missed ? finish(`I'm sorry we broke our word${tail(f)}: we ${f.missed.clause} and didn't follow through. I'll fix that today.`) : null),
  ],
  short: (f) => (f.missed ? finish(`I'm sorry we didn't keep our promise${tail(f)}: ${f.missed.short}.`) : null),
  talkingPoint: (f) => `Name the missed promise (${f.missed?.short ?? 'what was promised'}); own it`,
  examples: [
    {
      message: 'Nobody called me back yesterday.',
      record: { missedPromise: { text: 'Technician to call by 8pm', dueAt: '2024-03-13T20:00:00' } },
      includes: ['technician', 'call by 8pm on Wednesday 13 March'],
    },
    {
      message: 'Still no refund.',
      record: { missedPromise: { text: 'refund the £30 delivery charge', dueAt: '2024-05-03' } },
      includes: ['refund the £30 delivery charge by Friday 3 May'],
    },
  ],
});
