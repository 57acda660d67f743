import { definePhraseRule } from '../rule';

export default definePhraseRule({
  id: 'auto-responder',
  description: 'Auto-acknowledgement wording ("we have received your request", "a member of our team will…") in a reply a person is sending.',
  severity: 'warning',
  weight: 0.45,
  maxCount: 2,
  source: 'https://www.rfc-editor.org/rfc/rfc3834',
  phrases: [
    'this is an automated (?:message|response|reply|e-?mail|notification|acknowledg(?:e)?ment)',
    "(?:please )?(?:do not|don't) reply (?:directly )?to this (?:e-?mail|message|address)",
    'this (?:mailbox|inbox|address|e-?mail address) is not monitored',
    'your (?:ticket|request|case|enquiry|inquiry|query|complaint|message|e-?mail|application)(?: (?:number|no\\.?|id|reference|ref\\.?))?(?: #?[\\w-]+)? has been (?:received|created|logged|registered|opened|submitted|recorded)',
    '(?:we|I) have (?:successfully )?received your (?:e-?mail|message|request|enquiry|inquiry|query|ticket|complaint|feedback|application|correspondence)',
    '(?:this is to )?(?:we|I) (?:acknowledge|confirm) (?:the )?receipt of your',
    'a member of our (?:\\w+ )?(?:team|staff)(?: will|, who)',
    'one of our (?:\\w+ )?(?:agents|representatives|advisors|advisers|specialists|team members|experts|consultants|colleagues) will',
    "(?:(?:we|someone|they|a representative|an agent|our team|the team) )?(?:will|'ll) (?:get back to|respond to|reply to|contact|be in touch with|revert to|reach out to) you(?= (?:shortly|soon|as soon as|within|in due course|at the earliest|asap))",
    "(?:a|an) (?:representative|agent|advisor|adviser|specialist|team member|member of (?:our|the) team|colleague|case (?:manager|handler)) will (?:contact|call|email|reach out to|be in touch with|get back to|respond to) you",
    'we aim to (?:respond|reply|get back to you|answer|resolve)(?: to (?:all|your) (?:e-?mails|enquiries|inquiries|requests|queries|messages))?',
    'due to (?:a |an )?(?:high|higher than (?:usual|normal)|unusually high|increased) (?:volume|volumes|demand|number) of (?:requests|enquiries|inquiries|e-?mails|contacts|calls|tickets|messages)',
    'your (?:reference|ticket|case) (?:number|no\\.?|id) is',
    '(?:we|I) have (?:logged|registered|recorded) your (?:request|complaint|enquiry|inquiry|query|ticket|case|report|feedback)',
    'please (?:quote|include|use) (?:your|this|the) (?:reference|ticket|case) (?:number|no\\.?|id)',
    '(?:please )?(?:do not|don\'t) submit (?:a )?duplicate (?:tickets|requests|emails)',
    '(?:our )?(?:response|reply) times? (?:is|are) (?:currently )?(?:longer|higher) than (?:usual|normal)',
  ],
  message: (m) => `“${m}” is auto-responder wording; it tells the customer no person is reading.`,
  fix: { hint: 'Answer the question itself, in your own voice.' },
  examples: {
    flag: [
      { text: 'We have received your request and a member of our team will contact you.', span: 'We have received your request' },
      { text: 'This is an automated message. Please do not reply to this email.', span: 'This is an automated message' },
      { text: 'Your ticket #4821 has been received.', span: 'Your ticket #4821 has been received' },
      { text: 'We will get back to you shortly.', span: 'We will get back to you' },
    ],
    allow: [
      'I got your photos of the cracked screen and booked the repair for Tuesday.',
      'I will get back to you on Thursday with the engineer’s report.',
      'Your ticket about the router is the one I am working on now.',
    ],
  },
});
