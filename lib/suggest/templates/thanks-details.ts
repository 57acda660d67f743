import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

/** They gave us what we needed (an order number, screenshots): thank them for that specifically. */
export default defineTemplate({
  id: 'thanks-details',
  kind: 'thanks',
  description: 'Thank them for the concrete detail they supplied and what it let you do.',
  applies: (f) => f.details.length > 0 && f.category !== 'praise' && f.mood !== 'leaving',
  order: (f) => (f.failure ? 60 : 35),
  variants: [
    (f) => (f.details[0] ? finish(`Thanks for including ${f.details[0]}${tail(f)}; I went straight to it.`) : null),
    (f) => (f.details[0] ? finish(`${lead(f)}thank you for sending ${f.details[0]}; it saved us both time.`) : null),
    (f) => {
      const d = f.details[0];
      if (!d) return null;
      const plural = /^the \w+s$/i.test(d);
      return finish(`${d} ${plural ? 'were' : 'was'} exactly what I needed${tail(f)}; thank you.`);
    },
  ],
  talkingPoint: (f) => `Thank them for ${f.details[0] ?? 'the details they gave'}`,
  examples: [{ message: 'My parcel never came, order 48213, can you check?', includes: ['order 48213'] }],
});
