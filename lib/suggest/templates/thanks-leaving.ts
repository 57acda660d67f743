import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

/** Leaving: thank them for their time as a customer, in one short line, without asking them to stay. */
export default defineTemplate({
  id: 'thanks-leaving',
  kind: 'thanks',
  description: 'Thank a leaving customer for their time with us.',
  essential: true,
  applies: (f) => f.mood === 'leaving',
  order: () => 25,
  variants: [
    (f) => finish(`Thanks for being a customer${f.since ? ` since ${f.since.monthYear}` : ''}${tail(f)}.`),
    (f) => finish(`${lead(f)}thank you for your years with us, and for telling me directly.`),
    (f) => finish(`${lead(f)}it's been good having you with us; thank you.`),
  ],
  talkingPoint: () => 'Thank them for their time as a customer',
  examples: [{ message: 'Please close my account, I no longer need the service.', includes: ['thank'] }],
});
