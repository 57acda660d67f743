import { defineTemplate } from './define-template';
import { count, finish, lead, nth, sorryFor, tail, times } from './phrases';

/** Three or more contacts in 30 days: the repeat itself is a failure to own (Dixon et al., customer effort). */
export default defineTemplate({
  id: 'apology-repeat-contact',
  kind: 'apology',
  description: 'Own the repeat contacts: they should not have had to come back.',
  essential: true,
  applies: (f) => f.failure && (f.contacts ?? 0) >= 3,
  order: (f) => (f.mood === 'leaving' ? 45 : 15),
  variants: [
    (f) => finish(`${lead(f)}you shouldn't have had to contact us ${times(f.contacts ?? 3)} about this. ${sorryFor(f)}, and I'll see it through myself today.`),
    (f) => finish(`${sorryFor(f)}${tail(f)}. This is your ${nth(f.contacts ?? 3)} contact with us this month, and that's ${count((f.contacts ?? 3) - 1)} too many; I'm keeping this with me until it's done.`),
    (f) => finish(`${lead(f)}needing ${count(f.contacts ?? 3)} contacts in a month to get this sorted is our failure, not yours. ${sorryFor(f)}; I'm handling it personally from today.`),
  ],
  short: (f) => finish(`You shouldn't have needed ${count(f.contacts ?? 3)} contacts about this${tail(f)}. I'm sorry.`),
  talkingPoint: (f) => `Own the ${count(f.contacts ?? 3)} contacts this month; tell them you'll carry it from here`,
  examples: [
    { message: 'My broadband is down again.', record: { contactsLast30Days: 3 }, includes: ['contact'] },
    { message: 'The bill is still wrong.', record: { contactsLast30Days: 5 }, includes: ['the bill is still wrong'] },
  ],
});
