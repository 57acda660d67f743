/**
 * The cue lexicons the classifiers count. Data only, grouped by what they signal, each entry a
 * pattern and a weight. Patterns run on lower-cased, cleaned text (see ./text.ts) and must stay
 * linear: bounded gaps (`[^.!?\n]{0,30}`), never nested quantifiers.
 */
import type { Category } from '../types';

export type Cue = readonly [pattern: RegExp, weight: number];

const g = (source: string) => new RegExp(source, 'g');

/** Topic cues for the categories decided by subject matter. */
export const topicCues: Record<Exclude<Category, 'praise' | 'how-to' | 'cancellation'>, Cue[]> = {
  billing: [
    [g(String.raw`\bover-?charg\w*|\bcharged (?:me |us )?(?:twice|double|two times|again|for)\b|\bdouble[- ]?charg\w*|\bcharged twice\b`), 3],
    [g(String.raw`\brefund\w*|\binvoice\w*|\bdirect debit\b|\bbill(?:s|ed|ing)?\b|\bstatement\b|\b(?:late|exit|admin|cancellation|termination|roaming) (?:fee|charge)s?\b`), 3],
    [g(String.raw`\bcharg(?:e|es|ing)\b|\bpayments?\b|\bprices?\b|\btariff\b|\bcosts?\b|\bfees?\b|\bdebit(?:ed)?\b|\bcredit(?:ed)?\b|\bbalance\b|\bmoney\b|\bowe[ds]?\b|\bprice (?:rise|increase)|\brenewal\b|\bcompensation\b|\bfactura|\bfatura|\brechnung|\bfacture|\bcobrad[oa]s?\b|\bcobro\b|\babgebucht\b|\bprélev\w*|\breembols\w*|\bremboursement\b|\berstattung\b|\brimbors\w*|\bdinheiro\b|\bdinero\b`), 2],
    [g(String.raw`\bpaid\b|\bpay(?:ing)?\b`), 1],
    [g(String.raw`[£$€]\s?\d|\b\d+(?:\.\d\d)? ?(?:pounds|quid|dollars|euros?|gbp|usd|eur)\b`), 2],
    [g(String.raw`\bsubscription\b|\bupgrade cost|\bcontract price`), 1],
  ],
  outage: [
    [g(String.raw`\boutages?\b|\bpower cuts?\b|\bmaintenance\b|\bplanned (?:work|works)\b|\bengineering works?\b|\bblackout\b|\bservice status\b|\bstatus page\b|\bmast\b|\bexchange\b|\bnetwork (?:is )?down\b|\bthe whole (?:street|area|building|town|village|estate|road)\b|\bneighbou?rs?\b|\bin (?:my|our|the) area\b|\bwhole area\b|\bacross (?:the|my|our) area\b`), 3],
    [g(String.raw`\b(?:internet|broadband|wi-?fi|connection|network|service|signal|power|tv|landline|line|fibre|fiber|electricity|water|gas|phone line|mobile data|data)\b[^.!?\n]{0,25}\b(?:down|out|off|dead|gone|offline)\b`), 3],
    [g(String.raw`\bno (?:internet|signal|service|connection|broadband|wi-?fi|network|power|dial tone|tv|coverage|electricity|water|gas|mobile data|data|reception)\b|\blost (?:all |the |our |my )?(?:signal|connection|service|internet|power|broadband|wi-?fi|network|landline|phone line|tv|water|gas|electricity)\b|\bknown (?:fault|issue|problem|outage)\b|\bwithout (?:a |any )?(?:phone |mobile |tv )?(?:internet|power|broadband|connection|service|signal|tv|phone|reception|coverage)\b`), 3],
    [g(String.raw`\b(?:internet|broadband|wi-?fi|connection|network|signal|tv|landline|phone line|line|service|mobile data|data|[345]g)\b[^.!?\n]{0,20}\b(?:isn't|is not|not|doesn't|does not|won't|has stopped|stopped|hasn't been|has not been|haven't been)\b[^.!?\n]{0,8}\bwork\w*`), 2],
    [g(String.raw`\bno funciona\b|\bfunktioniert nicht\b|\bne (?:fonctionne|marche) pas\b|\bnão funciona\b|\bnon funziona\b|\bdisconnected\b|\bcan(?:'t|not) (?:connect|get online|get a signal|make calls)\b|\bnothing (?:works|is working)\b|\bsin (?:internet|servicio|conexi)|\bkein (?:internet|netz)|\bpas d'internet|\bpanne\b|\bstörung\b|\bca[ií]da\b`), 2],
  ],
  delivery: [
    [g(String.raw`\bdeliver\w*|\bparcels?\b|\bpackages?\b|\bcouriers?\b|\bshipping\b|\bshipment\b|\bshipped\b|\bdispatch\w*|\btracking\b|\btracked\b|\bout for delivery\b|\bsigned for\b|\bpostman\b|\broyal mail\b|\b(?:dpd|ups|fedex|dhl|evri|hermes|yodel|usps)\b|\bpaquete|\bpaket\b|\bcolis\b|\bpedido`), 3],
    [g(String.raw`\b(?:hasn't|has not|haven't|have not|never|didn't|did not|still not|not yet|hasn't yet)\b[^.!?\n]{0,12}\b(?:arrived|come|turned up|been delivered|shown up|received)\b|\bnever (?:arrived|came|received)\b|\bnot (?:arrived|received)\b`), 3],
    [g(String.raw`\bsomeone else's (?:order|parcel|package|item|delivery)\b|\b(?:wasn't|isn't|not) (?:mine|my order|my parcel)\b|\bwrong (?:item|size|colou?r|product|model|parcel|order|address)\b|\bmissing (?:items?|parts?|pieces?)\b|\bdamaged\b|\bcame broken\b|\barrived (?:broken|damaged|smashed|opened)\b|\bleft (?:it |the parcel |the package )?(?:outside|with|at|on|in the)\b`), 2],
    [g(String.raw`\border(?:ed|s)?\b|\bitems?\b|\bthe box\b|\breplacements?\b|\breturns?\b|\barriv\w*`), 1],
  ],
  technical: [
    [g(String.raw`\berrors?\b|\berror code\b|\bcrash\w*|\bbugs?\b|\bglitch\w*|\brouter\b|\bmodem\b|\bhub\b|\bthe app\b|\byour app\b|\bapp (?:keeps|won't|doesn't|isn't|crashes|freezes)|\bfirmware\b|\bsoftware\b|\bethernet\b|\bbluetooth\b|\bmbps\b|\bbuffer\w*|\bpixelat\w*|\bfreez\w*|\blagg?(?:y|ing)?\b|\bcrackl\w*|\bstatic on the line\b|\bno dial tone\b|\bwon't (?:charge|turn on|switch on)\b`), 3],
    [g(String.raw`\b(?:won't|doesn't|does not|can't|cannot|can not|wouldn't|will not|didn't|isn't)\b[^.!?\n]{0,10}\b(?:load|install|update|open|sync|pair|start|turn on|boot|charge|print|stream|play|download|upload|send|receive|make calls|connect)\b`), 3],
    [g(String.raw`\bkeeps? (?:dropping|disconnecting|cutting out|buffering|freezing|crashing|restarting|rebooting|going off|losing)\b|\bdrop(?:s|ping)? (?:out|off|the connection)\b|\bintermittent\w*|\bslow\w*|\bspeeds?\b|\b(?:red|orange|amber|flashing|blinking) lights?\b|\b(?:flashing|blinking) (?:red|orange|amber)\b|\blights? (?:is |are |keeps )?(?:red|orange|amber|flashing|blinking)\b`), 3],
    [g(String.raw`\bset ?up\b|\bset-up\b|\binstall\w*|\bconfigur\w*|\breset\w*|\breboot\w*|\brestart\w*|\bupdates?\b|\bsettings\b|\bdevices?\b|\blaptop\b|\bcomputer\b|\btablet\b|\bprinter\b|\bscreen\b|\bbattery\b|\bremote\b|\bno sound\b|\bhandset\b|\bsim card\b|\bsmart meter\b|\bmeter\b|\btexts?\b|\bsms\b|\bcalls? (?:drop|fail|cut)\w*|\besim\b|\bvoicemail\b|\bwi-?fi\b|\bengineer\b|\btechnician\b`), 1],
    [g(String.raw`\b(?:not|isn't|doesn't|stopped|won't) work\w*|\bbroken\b|\bfault\w*|\bfailed\b|\bdefective\b`), 1],
  ],
  account: [
    [g(String.raw`\blog ?in\b|\blogin\b|\blogging in\b|\bsign(?:ing)? ?in\b|\bpasswords?\b|\busernames?\b|\blocked out\b|\baccount (?:is |has been |was )?(?:locked|suspended|blocked|frozen|deactivated|closed|hacked|compromised)\b|\bverif\w*|\btwo[- ]factor\b|\b2fa\b|\bsecurity (?:questions?|codes?)\b|\bone[- ]time (?:code|passcode)\b|\botp\b|\bhacked\b|\bcompromised\b|\bpin\b|\bpasscode\b`), 3],
    [g(String.raw`\b(?:chang(?:e|ed|ing)|updat(?:e|ed|ing)|correct|amend|fix)\b[^.!?\n]{0,12}\b(?:address|e-?mail|name|surname|phone number|mobile number|number|details|contact details|payment details|card details|date of birth|account holder)\b|\bpersonal details\b|\bprofile\b|\bmoved house\b|\bnew address\b|\b(?:add|remove)\b[^.!?\n]{0,25}\b(?:user|account holder|authori[sz]ed (?:person|user)|name|second line)\b|\bsomeone (?:else )?(?:has )?(?:accessed|logged into|used|got into) my account\b|\bgdpr\b|\bsubject access\b|\bdata (?:request|protection)\b|\bdelete my data\b|\bmarketing (?:emails|texts)\b`), 3],
    [g(String.raw`\bmy account\b|\bonline account\b|\bemail address\b|\baccount number\b|\baccount\b`), 1],
  ],
  complaint: [
    [g(String.raw`\bcomplain\w*|\bcomplaint\b|\brude\w*|\bunprofessional\b|\battitude\b|\bhung up\b|\bput the phone down\b|\bcondescending\b|\bpatronis\w*|\bpatroniz\w*|\bdismissive\b|\bshouted\b|\blaughed at\b`), 3],
    [g(String.raw`\b(?:your|the|an?) (?:agent|advis[oe]r|rep|staff|colleague|representative|operator|employee|manager|call centre|call center|customer service|customer services|support team|guy|lady|woman|man|person) (?:i spoke to|on the phone|on the chat|was|were|told|said|refused|didn't|did not|never|just)\b|\bspoke to\b|\bwas told\b|\bwere told\b|\blied\b|\blying\b`), 2],
    [g(String.raw`\b(?:customer )?service (?:is|was|has been) (?:terrible|awful|appalling|shocking|poor|rubbish|a joke|the worst|disgraceful|atrocious|dreadful|useless)\b|\b(?:poor|terrible|awful|bad|shocking|appalling|dreadful|atrocious) (?:customer )?service\b|\bworst (?:company|service|experience|customer service|provider)\b|\bnobody (?:cares|listens|calls back|called back|got back|rang|replies|replied|helps)\b|\bno one (?:cares|listens|called|got back|rang|replied|helped|has called)\b|\bnever (?:called|rang|got) (?:me )?back\b|\bdidn't (?:call|ring|get) (?:me )?back\b|\bignored\b|\bescalat\w*|\bsupervisor\b|\bmanager\b|\bnot good enough\b|\btreated\b|\bdisgrace\w*|\bshambles\b|\bround in circles\b|\bpassed (?:around|from pillar)`), 2],
    [g(String.raw`\bdisappoint\w*|\bfeedback\b|\bexperience\b|\bunacceptable\b`), 1],
  ],
};

/** The customer intends to leave: close, cancel, switch away, port out. */
export const leavingCue = new RegExp(
  String.raw`\b(?:cancel\w*|close|closing|end|ending|terminat\w*|stop|stopping|quit|finish)\b[^.!?\n]{0,25}\b(?:my|our|the|this)\s+(?:\w+\s+){0,2}?(?:accounts?|contracts?|subscriptions?|membership|plan|services?|broadband|internet|line|lines|policy|package|tariff|mobile|sims?|agreement|tv|landline|fibre|deal)\b` +
    String.raw`|\b(?:pac|stac|n-pac)(?: code)?\b|\bport(?:ing)? (?:my |our )?(?:number|numbers|out)\b|\btransfer(?:ring)? my number\b|\bunlock code\b` +
    String.raw`|\b(?:leaving|leave) (?:you|for|your company|your service|this company)\b|\bswitch(?:ing)? (?:provider|providers|supplier|suppliers|network|networks|away)\b|\bswitch(?:ing)? (?:over )?to (?:another|a different|a new|a cheaper|a better) (?:provider|supplier|network|company|operator)\b|\b(?:mov(?:e|ing)|off|going|heading|switch(?:ing)?)(?: over)? to (?:another|a different|a new|a cheaper|a better) (?:provider|supplier|network|company|operator|broadband provider|energy supplier)\b` +
    String.raw`|\b(?:want|would like|wish|need|going|decided|have decided|i've decided) to (?:leave|switch (?:provider|supplier|network)|go elsewhere)\b|\bto (?:cancel|close|terminate)(?: (?:everything|it all|all of it))?(?: please)?\s*(?:[.!,]|$)|\bi(?:'m| am) (?:leaving|cancelling|canceling|switching|moving provider)\b|\bwe(?:'re| are) (?:leaving|cancelling|canceling|switching)\b` +
    String.raw`|\b(?:going|go) elsewhere\b|\b(?:take|taking) (?:my|our) business elsewhere\b|\bno longer (?:need|require|want|use) (?:the|my|your|this|our)\b|\b(?:won't|will not|don't|do not) (?:need|want|require|use) (?:the|my|your|this|our|it)\b[^.!?\n]{0,25}\b(?:any ?more|any longer)\b|\bfound a (?:better|cheaper) deal\b|\b(?:give|giving) (?:my )?notice\b|\bnotice (?:to|of) (?:cancel|terminat)\w*|\bcancellation (?:request|letter|confirmation)\b|\b(?:send|need|want|get|what(?:'s| is| will be)?) (?:me )?(?:my |the |our )?(?:final|last) (?:bill|invoice|statement)\b|\b(?:say|saying) goodbye\b` +
    String.raw`|\bdarse de baja\b|\bk[üu]ndig\w*|\br[ée]silier\b|\br[ée]siliation\b|\bcancelar\b`,
  'g',
);

/** Words that turn "I'll cancel" into a threat rather than a decision: the customer hasn't left yet. */
export const conditionalCue =
  /\b(?:if|unless|otherwise|or (?:else )?i(?:'ll| will)|or we(?:'ll| will)|thinking (?:about|of)|considering|consider|might|may have to|may|about to|ready to|close to|tempted|seriously|starting to think|will have to|if not|before i|going to have to)\b/;

/** Cancelling one thing (an order, a visit) is not leaving the company. */
export const cancelThingCue =
  /\bcancel\w*\b[^.!?\n]{0,25}\b(?:order|orders|appointment|booking|visit|delivery|engineer|technician|upgrade|add-?on|payment|request|reservation|callback|call back|return|bolt-?on|trial|installation|install)\b|\b(?:order|ordered|booked|booking|appointment|installation|visit)\b[^.!?\n]{0,40}\bcancel (?:it|that|this)\b/;

/** Questions that ask how to do something themselves: the core of a "how-to" message. */
export const selfActionQuestion = new RegExp(
  String.raw`\bhow (?:do|can|could|would|should|shall|might|does|did) (?:i|we|you|one|my|me)\b|\bhow (?:i|we) (?:can|could|do|should|will|must)\b|\bhow to\b|\bhow (?:long|much|many) (?:does|do|is|are|would) (?:it|a|an|the)\b|\bis (?:it|there) (?:possible|a way|any way|an option)\b|(?:^|[:;,]\s*)(?:can|could|may) (?:i|we)\b|\bwhere (?:do|can|could|should|would|will) (?:i|we)\b|\bwhat(?:'s| is) the (?:best |easiest |quickest |right )?(?:way|process|procedure|number|address|link)\b|\bquick (?:question|one)\b|\bdo you (?:offer|have|sell|support|provide|do|accept)\b|\bam i able to\b|\bwhat are (?:the|your) (?:opening|office) hours\b|\bcómo\b|\bcomment (?:puis|faire)\b|\bwie kann\b`,
);

/** Softer question forms ("tell me when…", "wondering if…"): a how-to only when no subject matter outweighs them. */
export const softQuestion =
  /\b(?:wondering|want to know|like to know|need to know|wanted to ask|want to ask|to ask|let me know|tell me|explain|show me) (?:how|if|whether|what|when|where|which)\b|\bwhich (?:plan|option|one|box|setting)\b/;

/** Current problem: something is wrong now. Weighted; counted outside resolved sentences. */
export const problemCues: Cue[] = [
  [g(String.raw`\b(?:hasn't|has not|haven't|have not|never|didn't|did not|not yet|still not)\b[^.!?\n]{0,10}\b(?:arrived|come|turned up|been delivered|received|shown up)\b|\b(?:not|isn't|is not|doesn't|does not|won't|stopped|has stopped)\b[^.!?\n]{0,6}\bwork(?:ing|s)?\b`), 2],
  [g(String.raw`\b(?:not|never|hasn't|haven't|hadn't|didn't|doesn't|don't|isn't|aren't|wasn't|weren't|can't|cannot|couldn't|won't|wouldn't|no longer)\b`), 1],
  [g(String.raw`\b(?:internet|broadband|wi-?fi|connection|network|signal|power|electricity|water|gas|tv|landline|line|service)(?:'s| has| is| was| have)?(?: been)? (?:down|out|off|dead|gone)\b|\bno (?:internet|signal|service|connection|broadband|wi-?fi|network|power|dial tone|electricity|water|gas|reception)\b|\blost (?:all |the |our |my )?(?:signal|connection|service|internet|power|broadband|wi-?fi|network|landline|phone line)\b|\bpower cut\b`), 2],
  [g(String.raw`\bstill\b|\bagain\b|\btwice\b|\bdouble\b|\bdoubled\b|\bwrong\b|\bbroken\b|\bbroke\b|\bdown\b|\bmissing\b|\blost\b|\blate\b|\bdelayed\b|\bover-?charg\w*|\bfailed\b|\bfail(?:s|ing)?\b|\berrors?\b|\bproblems?\b|\bissues?\b|\bfault\w*|\bstopped\b|\bdropp\w*|\bcrash\w*|\bstuck\b|\blocked\b|\boutage\b|\bcut off\b|\bdisconnected\b|\bdamaged\b|\bincorrect\b|\bcomplain\w*|\brude\b|\bwaiting\b|\bwaited\b|\bnobody\b|\bno one\b|\bwithout\b|\bunable\b|\bnothing\b|\bhacked\b|\bfraud\w*|\bunauthori[sz]ed\b|\bdon't recogni[sz]e\b|\bmistake\b|\bdead\b|\bflashing\b|\bsmell\w*|\bsmoke\b|\bsparks?\b`), 2],
];

/** The problem is over: a sentence that reports a fix, not a failure. */
export const resolvedCue =
  /\b(?:sorted|sorting|fixed|fixing|resolved|resolving|solved|rectified|put right|working (?:again|now|fine|perfectly|great|brilliantly)|works (?:now|again|perfectly|great|like a dream|a treat)|like a dream|back (?:on|up|online|to normal)|now works|all good|came through|turned up|got it back|helped|refunded|credited|went above|went out of (?:his|her|their) way)\b/;

/** A sentence that still reports trouble despite a fix word ("the refund arrived but it's wrong"). */
export const stillWrongCue =
  /\b(?:but|still|however|wrong|again|yet|except|although|though|will|would|promis\w*|supposed|expected|until|unless|if|when|going to|nobody|no one|never|nothing)\b|n't\b|'ll\b|\bnot\b|\bbe (?:fixed|sorted|resolved)\b|\?/;

/** Gratitude and praise. */
export const positiveCues: Cue[] = [
  [g(String.raw`\bthank(?:s| you)(?: so much| very much| a million| loads| again)\b|\bmassive thanks\b|\bhuge thanks\b|\bmany thanks for\b|\breally appreciate\w*|\bso grateful\b|\bvery grateful\b|\bgrateful\b|\bappreciated\b|\bmade my day\b|\babove and beyond\b|\bout of (?:his|her|their|your) way\b|\bcredit to\b|\bshout[- ]?out\b|\bcompliments?\b|\bwell done\b|\bkudos\b|\bhats off\b|\bcan't thank\b|\bthank \w+ for\b|\b(?:wanted|want|just|like) to say (?:a )?(?:big |huge |massive )?(?:thanks|thank you)\b|\bmade it (?:painless|easy|so easy|simple|stress-free)\b|\bpainless\b|\bworks? like a dream\b|\bworks? a treat\b|\b(?:so|very|really|super|incredibly|extremely) (?:helpful|kind|patient|friendly|quick|efficient|professional|lovely|polite)\b|\bbrilliant\b|\bamazing\b|\bexcellent\b|\bfantastic\b|\bwonderful\b|\bsuperb\b|\boutstanding\b|\bexceptional\b`), 2],
  [g(String.raw`\bgreat (?:job|service|help|work|experience)\b|\bhelpful\b|\bpatient\b|\bfriendly\b|\bquick fix\b|\blovely\b|\bimpressed\b|\bdelighted\b|\b(?:really |very |so )?(?:happy|pleased) with\b|\blove (?:the|your|it|how quick)\b|\blegend\b|\bstar\b|\bspot on\b|\btop notch\b|\bfirst class\b|\bfive stars?\b|\b5 stars?\b`), 1],
  [g(String.raw`\bthank(?:s| you)\b|\bappreciate\b|\bcheers\b`), 1],
];

/** Sarcasm markers: praise words used as a complaint. Counted only alongside a problem or frustration. */
export const sarcasmCues: RegExp[] = [
  /(?:^|[.!?]\s+|\n)(?:oh,? )?(?:great|fantastic|brilliant|wonderful|perfect|lovely|amazing|marvell?ous|super|excellent|awesome|fab|splendid|terrific|nice one|nice|cheers|well done|bravo|wow)\s*[,.!]/,
  /\b(?:great|fantastic|brilliant|wonderful|excellent|amazing|stellar|top[- ]notch|fabulous|superb|impressive|outstanding|first[- ]class|world[- ]class) (?:service|job|work|customer service|support|stuff|effort|experience)[.!]/,
  /\bthanks for nothing\b|\bthanks a (?:lot|bunch|million)(?: for nothing)?[.!,]?\s*(?:really|not)?\b(?=[^.!?]*(?:not|never|n't|again|still|nothing))|\bcheers for that\b|\blove (?:how|that) (?:i|you|your|it|we)\b|\bjust what i needed\b|\byeah,? right\b|\boh joy\b|\bhow lovely\b|\bso glad i\b|\bwhat a (?:joke|surprise|treat)\b|\bwell done,? (?:you|guys|everyone)\b|\breally impressive\b|\bkeep up the (?:great|good) work\b|\bas always\b|\bsurprise,? surprise\b|\bshocker\b|\bclassic\b|\bbrilliant,? just brilliant\b|\b(?:absolutely|just) (?:brilliant|fantastic|wonderful|perfect|great)[.!]/,
  /\b(?:thanks?(?: you)?(?: so much| a lot| very much)?|cheers|appreciate it|appreciate)\b[^.!?]{0,12}\bfor (?:nothing|charging|overcharging|double[- ]charging|cutting|ignoring|losing|wasting|leaving me|making me|hanging up|breaking|cancelling|messing)\b/,
  /"(?:help|service|support|customer service|fix|fixed)"|'(?:help|service|support|customer service|fix|fixed)'|\bso-called\b/,
];

/** Repeat contact or long wait: the customer has been let down before on this. */
export const frustrationCues: Cue[] = [
  [g(String.raw`\b(?:second|third|fourth|fifth|sixth|seventh|2nd|3rd|[4-9]th|\d\dth|umpteenth|nth|hundredth|millionth) (?:time|call|email|message|chat|attempt|week|day|month)\b|\b(?:three|four|five|six|seven|eight|nine|ten|several|(?<!too )many|multiple|countless|numerous|\d+) (?:times|calls|emails|messages|chats|attempts|phone calls)\b|\b(?:loads|lots|dozens|hundreds) of times\b|\bin a row\b|\byet another\b|\b(?:second|third|fourth|fifth|2nd|3rd|[4-9]th) (?:this|in a|that) (?:week|month|year)\b|\b(?:for|since) (?:weeks|months|ages|days) now\b|\bgetting (?:silly|ridiculous|beyond a joke|old)\b|\b(?:twice|(?:two|three|four|five|\d+) times) now\b|\b(?:already tried|tried everything|done everything|followed (?:all|every))\b|\b(?:wrong|down|broken|broke|failed|off|late|missing|dropped|dropping|cut off|gone|charged|happened|happening|locked|crashed|out) again\b|\bpassed (?:around|from pillar|back and forth|from one)|\bgetting nowhere\b|\bhow many (?:more )?times\b|\byet again\b|\bonce again\b|\bfed up\b|\bsick (?:and tired )?of\b|\btired of\b|\bfrustrat\w*|\bexasperat\w*|\bwaste of (?:my )?time\b|\bgoing (?:round|around) in circles\b|\bstill waiting\b|\bnot good enough\b|\blet down\b|\bgiving up\b|\bgiven up\b`), 2],
  [g(String.raw`\bagain\b|\bstill\b|\b(?:every|each) (?:time|day|week|month|night|evening|morning|weekend)\b|\bevery (?:few|couple of) (?:minutes|hours|days)\b|\bkeeps?\b|\bkept\b|\bfor (?:weeks|months|days|ages|hours)\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|\d+) (?:weeks|months|days)\b|\band now\b|\bon top of (?:that|this|it)\b|\bto top it (?:all )?off\b|\bnobody\b|\bno one\b|\bno-one\b|\bannoy\w*|\birritat\w*|\bchasing\b|\bchased\b|\bbeen waiting\b|\bwaited\b|\bon hold\b|\bhours? on (?:the phone|hold)\b|\bpromised\b|\bsupposed to\b|\b(?:was|were) told\b|\btold me\b|\bdisappoint\w*|\bhopeless\b|\bpointless\b|\bnever\b|\bbeyond me\b|\bseriously\b|\bhonestly\b|\breally\?|\bgetting nowhere\b|\bno response\b|\bno reply\b|\bnot impressed\b|\bunhappy\b|\bupset\b`), 1],
];

/** Anger: strong negative words, threats, shouting. */
export const angerCues: Cue[] = [
  [g(String.raw`\b(?:absolutely|utterly|completely|totally|truly|beyond|so|just|an? total|an? complete|an? absolute) (?:ridiculous|disgusting|appalling|unacceptable|pathetic|useless|shocking|outrageous|disgraceful|diabolical|farce|joke|shambles|disgrace)\b|\bworst\b[^.!?\n]{0,30}\bever\b|\bthe hell\b|\bbloody hell\b|\bfuck\w*|\bf\*+\w*|\bshit\w*|\bbullshit\b|\bwtf\b|\bpiss\w*|\bbastard\w*|\bcrooks?\b|\bthie(?:f|ves|ving)\b|\brip[- ]?off\b|\bripping (?:me|us|people) off\b|\bdaylight robbery\b|\bfurious\b|\blivid\b|\bfuming\b|\boutraged\b|\benraged\b|\bhow dare\b|\babsolute (?:joke|disgrace|shambles|scandal|farce)\b|\bdisgust\w*`), 3],
  [g(String.raw`\bangry\b|\boutrageous\b|\bdisgrace\w*|\bappall\w*|\bunacceptable\b|\bridiculous\b|\ba joke\b|\bpathetic\b|\bshocking\b|\bscandal\w*|\bincompeten\w*|\bworst\b|\brubbish\b|\bshambles\b|\bscam\w*|\bcowboys\b|\buseless\b|\bliars?\b|\blying\b|\blied\b|\bhate\b|\bsue\b|\blawyers?\b|\bsolicitors?\b|\blegal action\b|\bombudsman\b|\btrading standards\b|\bofcom\b|\bofgem\b|\bregulator\b|\bsmall claims\b|\breport (?:you|this|your company)\b|\bsocial media\b|\breview sites?\b|\btrustpilot\b|\bbloody\b|\bdamn\w*|\bcrap\b|\bsick of\b|\bdemand\b|\bimmediately\b|\binfuriat\w*|\brude\b|\bhung up on\b|\bput the phone down on\b|\bfarce\b|\b(?:your|this|that|the) (?:stupid|useless|rubbish|crappy|pathetic) \w+|\bstupid (?:app|company|system|website|router|box|phone|rule|policy)\b`), 2],
  [g(String.raw`\bterrible\b|\bawful\b|\bhorrible\b|\bdreadful\b|\batrocious\b|\b(?:very |so |really )?bad service\b|\bdiabolical\b`), 1],
];

/** Worry: fear of loss, fraud, vulnerability, urgency tied to a consequence. */
export const worryCues: Cue[] = [
  [g(String.raw`\bworr(?:y|ied|ying)\b|\bconcern(?:ed|ing)\b|\banxious\b|\banxiety\b|\bnervous\b|\bscared\b|\bafraid\b|\bfrightened\b|\bterrified\b|\bpanic\w*|\bstress(?:ed|ful)?\b|\bfraud\w*|\bhack(?:ed|er|ers)\b|\bunauthori[sz]ed\b|\bdon't recogni[sz]e\b|\bdo not recogni[sz]e\b|\bdidn't authori[sz]e\b|\bsuspicious\b|\bstolen\b|\bidentity theft\b|\bcan't afford\b|\bcannot afford\b|\bwhat happens if\b|\bwill i (?:lose|be charged|be cut off|still|get)\b|\bmedication\b|\binsulin\b|\boxygen\b|\bdialysis\b|\bcare alarm\b|\blife support\b|\bnewborn\b|\bpregnan\w*|\bvulnerable\b|\bpensioner\b|\b(?:is|has) someone (?:trying|been|got|getting|using|accessing)\b|\bsomeone (?:is|has been) (?:trying|using|accessing)\b|\b(?:didn't|did not|never) (?:ask|request)(?:ed)? (?:for )?(?:it|this|that|one|a)?\b|\btrying to get into\b|\bam i going to\b|\bis my (?:data|account|money|card|number) safe\b|\bwhat if\b|\bsmell(?:s|ing)? (?:of )?(?:burning|gas|smoke|something)\b|\bburning smell\b|\bsmoke\b|\bsparks?\b|\bpreocupad\w*|\binquiet\w*|\bbesorgt\b`), 2],
  [g(String.raw`\burgent(?:ly)?\b|\basap\b|\bemergenc\w*|\bvulnerable\b|\belderly\b|\bdisabled\b|\bdisability\b|\bmedical\b|\bhospital\b|\boxygen\b|\bcarer\b|\bcare alarm\b|\blifeline\b|\boverdrawn\b|\boverdraft\b|\bbounced?\b|\bmiss(?:ed)? (?:a |my |the |any )?(?:payments?|flight|interview|exam|appointment|deadline)\b|\blose (?:my|the|our) (?:number|data|photos|money|job|deposit)\b|\bdeadline\b|\bexams?\b|\binterview\b|\bwork from home\b|\bwfh\b|\bneed it for work\b|\bfor my job\b|\bnewborn\b|\bbaby\b|\bpregnan\w*|\bmy (?:mum|mom|mother|dad|father|gran|grandmother|grandad|grandfather)\b|\bon my own\b|\blives? alone\b|\brel(?:y|ies|ying) on\b|\bdepends? on (?:it|this|the)\b|\bdependent on\b|\bwhat (?:do|should|can) i do\b|\bpassport\b|\bvisa\b|\bdocuments\b|\bis (?:it|this) safe\b|\bmedicine\b|\bprescription\b|\bcut off\b|\bbe disconnected\b|\bonly (?:have|got) (?:\w+ )?(?:days?|hours?) left\b|\bsafe\b|\bhelp me\b|\bplease help\b|\bdon't know what to do\b|\bconfused\b|\bupset\b`), 1],
];

/** Thanks as a sign-off ("Thanks,", "Thanks in advance") says nothing about mood. */
export const signOffThanks = /^(?:many |big )?thanks?(?: you)?(?: in advance| again| for your help| for any help| so much)?[,.!]*(?:\s+\p{L}+)?[.!]?$|^(?:cheers|regards|kind regards|best|best wishes|thank you in advance)[,.!]*/u;
