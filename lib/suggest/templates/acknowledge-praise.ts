import { defineTemplate } from './define-template';
import { finish, lead, tail } from './phrases';

/** Praise: be glad with them about the specific thing, before the thanks and the passing-on. */
export default defineTemplate({
  id: 'acknowledge-praise',
  kind: 'acknowledge',
  description: 'Share their good news about what went well, in their words.',
  applies: (f) => f.category === 'praise',
  order: () => 20,
  variants: [
    (f) => (f.praise ? finish(`I'm really glad to hear ${f.praise}${tail(f)}; I'll pass that on today.`) : null),
    (f) => finish(`That's lovely to hear${tail(f)}, and it'll mean a lot to ${f.person ?? f.role ?? 'the team'}.`),
    (f) => (f.praise ? finish(`${lead(f)}it's good to know ${f.praise}; I'm passing that on today.`) : null),
  ],
  short: (f) => finish(`I'm really glad it all worked out${tail(f)}.`),
  talkingPoint: (f) => `Say you're glad${f.person ? ` ${f.person} helped` : ' it worked out'}; keep it brief`,
  examples: [{ message: 'Priya on your chat team was so patient with me yesterday.', includes: ['Priya'] }],
});
