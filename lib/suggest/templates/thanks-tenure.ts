import { countWord } from '../classify/text';
import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const years = (n: number) => `${countWord(n)} year${n === 1 ? '' : 's'}`;

/**
 * Three years or more: thank them with the real date and the number of years (detection.md §5.2).
 * Kept to one short sentence: a fact they know we have, said once, not a loyalty speech.
 */
export default defineTemplate({
  id: 'thanks-tenure',
  kind: 'thanks',
  description: 'Thank long-standing customers factually: since when, and how many years.',
  essential: true,
  applies: (f) => (f.since?.years ?? 0) >= 3,
  order: (f) => (f.mood === 'leaving' ? 20 : f.category === 'praise' ? 20 : f.failure ? 55 : 30),
  variants: [
    (f) => (f.since ? finish(`Thank you for sticking with us since ${f.since.monthYear}${tail(f)}.`) : null),
    (f) => (f.since ? finish(`${lead(f)}${years(f.since.years)} with us, since ${f.since.monthYear}: thank you.`) : null),
    (f) => (f.since ? finish(`${cap(years(f.since.years))} as a customer, since ${f.since.monthYear}; thank you${tail(f)}.`) : null),
  ],
  talkingPoint: (f) => `Thank them for ${f.since ? `${f.since.years} years (since ${f.since.monthYear})` : 'their years with us'}`,
  examples: [
    { message: 'My bill is wrong.', record: { customerSince: '2019-02-11' }, includes: ['February 2019'] },
    { message: 'Thanks for the quick fix!', record: { customerSince: '2015-06-01', name: 'Ravi' }, includes: ['June 2015', 'Ravi'] },
  ],
});
