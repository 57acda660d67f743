import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

/** An open promise on the record: confirm it is on track so they need not ask. */
export default defineTemplate({
  id: 'next-step-open-promise',
  kind: 'next-step',
  description: 'Confirm an open promise from the record is still on track.',
  applies: (f) => f.open.length > 0 && f.mood !== 'leaving',
  order: () => 70,
  variants: [
    (f) => (f.open[0] ? finish(`I've checked${tail(f)}: we ${f.open[0].clause}, and it's on track.`) : null),
    (f) => (f.open[0] ? finish(`${lead(f)}we ${f.open[0].clause}; that's still happening.`) : null),
    (f) => (f.open[0] ? finish(`One more thing${tail(f)}: we ${f.open[0].clause}, and I'm keeping an eye on it.`) : null),
  ],
  talkingPoint: (f) => `Confirm the open promise: ${f.open[0]?.short ?? 'what is still due'}`,
  examples: [{ message: 'Any news?', record: { openPromises: [{ text: 'send the new router', dueAt: '2024-06-07' }] }, includes: ['promised to send the new router by Friday 7 June'] }],
});
