import { defineRule, matchAll } from '../rule';
import { firstName } from '../text';

/**
 * Template variables that were never substituted, in the syntaxes help desks use (detection.md §1.4), plus
 * the ⟨…⟩ blanks Rapport's own suggestions insert: those must be filled by the agent before sending.
 */
const PLACEHOLDER = new RegExp(
  [
    '\\{\\{[^{}\\n]{1,80}\\}\\}', // Zendesk/Liquid/Handlebars {{ticket.requester.first_name}}
    '\\{%[^%\\n]{1,80}%\\}', // Help Scout {%customer.firstName%}
    '\\[\\[[^\\]\\n]{1,80}\\]\\]', // [[first_name|there]]
    '<<[^<>\\n]{1,60}>>',
    '\\{[A-Za-z_][\\w.]{0,40}(?:[=|:][^{}\\n]{0,40})?\\}', // {first_name}, Mautic {contactfield=firstname|there}
    '\\[[A-Z][A-Z0-9 _.\\-]{1,40}\\]', // [NAME], [AGENT NAME]
    '\\[(?:[Ii]nsert|[Yy]our|[Cc]ustomer|[Cc]lient|[Aa]gent|[Ff]irst|[Ll]ast|[Nn]ame|[Dd]ate|[Oo]rder|[Tt]icket|[Cc]ompany|[Pp]roduct|[Aa]mount|[Tt]ime|[Nn]umber|[Rr]eason|[Ll]ink|[Pp]hone|[Ee]mail|[Aa]ddress)\\b[^\\]\\n]{0,40}\\]',
    '<[A-Za-z][A-Za-z0-9]*(?:[ _\\-][A-Za-z0-9]+){0,5}>', // <Customer>, <NAME>; HTML tags filtered below
    '%[A-Z][A-Z0-9_]{1,40}%', // %FIRST_NAME%
    '\\u27E8[^\\u27E8\\u27E9\\n]{0,80}\\u27E9', // ⟨date of the fix⟩
    '\\bX{3,}\\b',
  ].join('|'),
  'g',
);

// An empty substitution leaves "Hi ," behind (Atender snippet docs). "Hi," without the space is a normal
// nameless greeting; "Dear," never is.
const EMPTY_GREETING = /^[ \t]*(?:(?:hi|hello|hey|good (?:morning|afternoon|evening))[ \t]+|dear[ \t]*)[,!:]/gim;

const HTML_TAGS = new Set(
  'a abbr address article aside audio b bdi bdo blockquote body br button caption center cite code col div dl dt dd em embed figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input label li link main mark meta nav ol option p pre q s script section select small source span strike strong style sub sup svg table tbody td template textarea tfoot th thead title tr tt u ul video wbr'.split(' '),
);
const ANGLE_KEYWORDS = /name|customer|client|agent|date|order|ticket|insert|number|company|product|amount|time|email|phone|address|link|user/i;
const NAME_SLOT = /name|customer|client|user|recipient|requester|contact/i;
const NOT_CUSTOMER = /agent|company|team/i;
const UPPER_START = /^[A-Z]/;
const GREETING_WORD = /[a-z]+(?: [a-z]+)?/i;

export default defineRule({
  id: 'unfilled-placeholder',
  description: 'Template variable or blank that was never filled in; the customer would see it as is.',
  severity: 'warning',
  weight: 0.55,
  maxCount: 1,
  source: 'https://www.atender.com/',
  check(doc, ctx) {
    const first = firstName(ctx.customerName);
    const out = [];
    for (const m of matchAll(PLACEHOLDER, doc.text)) {
      if (m.text.startsWith('<') && !m.text.startsWith('<<')) {
        const inner = m.text.slice(1, -1);
        // Plain text may contain HTML; a real tag is not a blank. Lower-case words need a slot-like keyword.
        if (HTML_TAGS.has(inner.toLowerCase())) continue;
        if (!UPPER_START.test(inner) && !ANGLE_KEYWORDS.test(inner)) continue;
      }
      const isBlank = m.text.startsWith('\u27E8');
      const nameSlot = NAME_SLOT.test(m.text) && !NOT_CUSTOMER.test(m.text);
      out.push({
        start: m.start,
        end: m.end,
        message: isBlank ? `Fill in the blank “${m.text}” before sending.` : `“${m.text}” is an unfilled placeholder; the customer would see it as is.`,
        fix: { replacement: nameSlot && first ? first : undefined, hint: isBlank ? 'Type the specific detail in its place.' : 'Replace it with the real value.' },
      });
    }
    for (const m of matchAll(EMPTY_GREETING, doc.text)) {
      const word = GREETING_WORD.exec(m.text)?.[0] ?? '';
      out.push({
        start: m.start + (m.text.length - m.text.trimStart().length),
        end: m.end,
        message: 'The greeting has no name: a template variable was probably left empty.',
        fix: { replacement: first ? `${word} ${first}${m.text.slice(-1)}` : undefined, hint: "Add the customer's name." },
      });
    }
    return out.sort((a, b) => a.start - b.start);
  },
  examples: {
    flag: [
      { text: 'Hi {{name}}, your order has shipped.', span: '{{name}}' },
      { text: 'Hello [NAME], thanks for waiting.', span: '[NAME]' },
      { text: 'Dear <Customer>, we have updated your plan.', span: '<Customer>' },
      { text: 'Hi %FIRST_NAME%, welcome back.', span: '%FIRST_NAME%' },
      { text: 'The fix ships on ⟨date of the fix⟩ and I will email you then.', span: '⟨date of the fix⟩' },
      { text: 'Hi {%customer.firstName%}, thanks!', span: '{%customer.firstName%}' },
      { text: 'Hi ,\nyour card is on its way.', span: 'Hi ,' },
      { text: 'Your reference is XXXX and the refund is [insert amount].', span: '[insert amount]' },
    ],
    allow: [
      'Hi Priya, your order has shipped.',
      'Use <b>bold</b> or <p> tags in the template editor, and {} for empty JSON.',
      'Press [Enter] to confirm; the field expects a<b comparison.',
      'Hi Dana, the 4 <-> 5 mapping is fixed.',
    ],
  },
});
