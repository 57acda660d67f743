import { definePhraseRule } from '../rule';

const UNNAMED = '(?:relevant|appropriate|responsible|concerned|correct|right|dedicated|specialist|speciali[sz]ed|respective|designated|proper|technical|internal|back-?end|back office|higher|senior|escalations?|investigations?|resolutions?)';
const UNIT = '(?:department|departments|team|teams|party|parties|personnel|specialists?|unit|division|staff|colleagues|authorities|desk|level|experts?)';

export default definePhraseRule({
  id: 'passive-deflection',
  description: 'Passes the problem to an unnamed department in the passive voice: nobody owns it.',
  severity: 'warning',
  weight: 0.3,
  maxCount: 2,
  source: 'https://doi.org/10.1509/jmr.16.0118',
  phrases: [
    `(?<!\\b(?:I|we|they) )(?:has|have|had|will|is|are|was|were)(?: now| already| also)? (?:been |be |being )?(?:forwarded|escalated|passed(?: on| along)?|referred|sent|raised|logged|transferred|assigned|reported|submitted|directed|routed|handed(?: over| off)?|shared|relayed|flagged) (?:on )?(?:to|with) (?:the|our|a|an) (?:${UNNAMED} )?(?:\\w+ )?(?:\\w+ )?${UNIT}`,
    // Any voice: "I have escalated your case to the relevant team" still hands it to nobody in particular.
    `(?:forwarded|escalated|passed(?: on| along)?|referred|sent|raised|transferred|assigned|reported|directed|routed|handed(?: over| off)?|shared|relayed) (?:(?:this|it|your \\w+|the \\w+) )?(?:on )?(?:to|with) (?:the|our) ${UNNAMED} ${UNIT}`,
    `(?:we are|we're|we) (?:currently |now |actively )?(?:looking into|investigating|reviewing|working on) (?:this|it|the (?:matter|issue|problem)|your (?:\\w+ )?(?:case|request|issue|query|concern|complaint|account|ticket|report|claim))`,
    `the ${UNNAMED} ${UNIT} (?:will|shall|should|is going to) (?:\\w+ ){0,3}?(?:contact|get back|be in touch|reach out|review|investigate|look|respond|revert|follow up|update|assess|advise)`,
    // "We've let the team know": told an unnamed group, and nobody in it is named.
    `(?:we've|we have|I've|I have|we|I) (?:let|told|informed|notified|alerted|made) (?:the|our) (?:${UNNAMED} )?(?:\\w+ )?(?:team|teams|department|folks|people|engineers|developers|devs)(?: know| aware)?`,
    '(?:is|are) (?:currently |now )?being (?:looked into|investigated|reviewed|handled|worked on|dealt with|addressed|assessed|examined)',
    `(?:our|the) (?:${UNNAMED} )?(?:\\w+ )?(?:team|teams|department|specialists|engineers|technicians|experts) (?:is|are) (?:currently |now |actively )?(?:looking into|investigating|reviewing|working (?:hard )?on|aware of|on) (?:this|it|a (?:fix|solution|resolution)|the (?:matter|issue|problem)|your (?:\\w+ )?(?:case|request|issue|query|concern|complaint|account|ticket|report|claim|application|order|enquiry|inquiry|feedback))`,
    '(?:is|are|has been|have been) (?:currently |now )?under (?:review|investigation|consideration)',
    '(?:will be|has been|have been) (?:duly )?(?:noted|reviewed|investigated|looked into|passed on|actioned|taken into (?:account|consideration))',
  ],
  message: (m) => `“${m}”: handed to nobody in particular. Say who has it and what they will do.`,
  fix: { hint: 'Name the owner in the active voice: “I’ve passed this to Marta in billing; she’ll email you by Friday.”' },
  examples: {
    flag: [
      { text: 'Your request has been forwarded to the relevant department.', span: 'has been forwarded to the relevant department' },
      { text: 'The case has been escalated to the appropriate team.', span: 'has been escalated to the appropriate team' },
      { text: 'Your complaint is being looked into.', span: 'is being looked into' },
      { text: 'Our team is looking into this and will update you.', span: 'Our team is looking into this' },
      { text: 'Your feedback has been noted.', span: 'has been noted' },
      { text: 'I have escalated your case to the relevant team.', span: 'escalated your case to the relevant team' },
      { text: "We're looking into this for you.", span: "We're looking into this" },
    ],
    allow: [
      'I have escalated this to Marta on our billing team; she will call you at 3pm.',
      'I passed your notes to Dev, who wrote the export feature.',
      'We are looking at a refund for the missed flight and I will confirm it by 5pm.',
      'The parcel was sent to the depot in Leeds on Monday.',
    ],
  },
});
