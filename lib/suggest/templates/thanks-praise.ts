import type { Facts } from '../facts';
import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

/** What they praised, as the object of our thanks: "that Tom fixed your router", "about Tom". */
function praised(f: Facts): string {
  if (f.praise) return `that ${f.praise}`;
  if (f.praisedFor) return `about ${f.praisedFor}`;
  if (f.person) return `about ${f.person}`;
  if (f.role) return `about ${f.role}`;
  return 'about ⟨what they praised⟩';
}

/** Praise: thank the person for the specific thing they noticed (Algoe et al. 2016), no apology. */
export default defineTemplate({
  id: 'thanks-praise',
  kind: 'thanks',
  description: 'Thank them for the specific praise, naming what or who they praised.',
  applies: (f) => f.category === 'praise' || (f.mood === 'grateful' && !f.failure),
  order: () => 10,
  variants: [
    (f) => finish(`Thank you for writing to tell me ${praised(f)}${tail(f)}; I'll pass it on today.`),
    (f) => finish(`${lead(f)}your note ${praised(f).replace(/^that /, 'saying ')} made my day; I'm sharing it with the team today.`),
    (f) => finish(`It's kind of you to write in ${praised(f).replace(/^that /, 'to say ')}${tail(f)}. Thank you; I'll make sure it's passed on today.`),
  ],
  short: (f) => finish(`Thank you for such a kind message${tail(f)}.`),
  talkingPoint: (f) => `Thank them for the specific praise${f.person ? `; mention ${f.person}` : ''}`,
  examples: [{ message: 'Just wanted to say thank you so much to Tom who fixed my router last week. Brilliant!', includes: ['Tom'] }],
});
