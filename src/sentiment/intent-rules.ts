/**
 * The hand-written intent patterns (lower-cased, entity-decoded text). On their own they were the
 * analyzer's intents until the learned model (intent-model.ts); now each family is one input of that
 * model, beside the words. `ruleIntents` keeps the old decision for comparison (npm run eval:intents).
 */
import type { Intent } from './intent-names';

// One regular expression per family (alternatives joined): one scan of the text, not ten. The
// alternatives that open on a word boundary share one `\b` in front, so the many positions inside
// words fail at once instead of once per alternative (a third faster on tweets).
const any = (...res: RegExp[]) => {
  const bounded = res.filter((re) => re.source.startsWith('\\b')).map((re) => `(?:${re.source.slice(2)})`);
  const others = res.filter((re) => !re.source.startsWith('\\b')).map((re) => `(?:${re.source})`);
  const parts = [...(bounded.length ? [`\\b(?:${bounded.join('|')})`] : []), ...others];
  // The unicode flag only where a pattern needs it (emoji): it makes V8's matching slower.
  const joined = new RegExp(parts.join('|'), res.some((re) => re.unicode) ? 'u' : '');
  return (text: string) => joined.test(text);
};

const LEAD = String.raw`^(?:(?:@[\w.]+|rt)\s+)*`;

const QUESTION = any(
  /\?/,
  new RegExp(
    LEAD +
      `(?:how|what|whats|what's|why|when|where|who|which|hows|how's|whens|wheres|can (?:i|you|u|we|someone|` +
      'anyone|it|they)|could (?:i|you|u|we|someone|anyone)|does|do (?:you|u|i|we|they|these|those)|' +
      'did (?:you|u|anyone|i)|is (?:it|there|this|that|anyone|anybody|my|the)|are (?:you|u|there|they|we|' +
      'these)|will (?:it|you|u|there|they|this)|would (?:it|you|u|a)|should (?:i|we)|has (?:anyone|' +
      'anybody)|have (?:you|u|any)|anyone|anybody|any (?:idea|ideas|tips|update|eta|news|word|recs|' +
      String.raw`recommendations)|someone (?:tell|explain|help))\b`,
  ),
  /\b(?:wondering (?:if|whether|how|what|when|why)|curious (?:if|whether|how|what|when)|does anyone know)\b/,
  /\b(?:anyone know|can someone|pls help|please help|need help with|help me (?:figure|understand))\b/,
  // Other languages' question words only open a question ("was" is English too, mid-sentence).
  new RegExp(
    LEAD +
      '(?:wie|warum|wann|wo|kann man|gibt es|cómo|qué|cuándo|dónde|por qué|comment|pourquoi|quand|où|' +
      String.raw`est-ce que)\b`,
  ),
);

// Rhetorical or exclamatory uses of question words that ask nothing.
const RHETORICAL = any(
  /^how (?:cool|awesome|great|amazing|good|sad|hard|hilarious|lucky|cute|funny) (?:is|was|are) (?:that|this|it|these)/,
  /^(?:who knew|why not|guess what|what a\b|how dare)/,
  /\b(?:right|amirite|isn't it|innit)\?*\s*$/,
);

const COMPLAINT_CUES = any(
  new RegExp(
    String.raw`\b(?:doesn'?t|does not|don'?t|didn'?t|won'?t|wont|can'?t|cannot|isn'?t|is not|not|never|stopped|` +
      String.raw`keeps?|still (?:not|doesn'?t|won'?t|can'?t)) (?:\w+ )?(?:work|working|works|load|loading|open|` +
      'opening|sync|syncing|charge|charging|respond|responding|arrive|arrived|show|showing|help|' +
      String.raw`connect|connecting|turn on|start|print|refund|answer|answered|ship|shipped|deliver|delivered)\b`,
  ),
  /\b(?:broken|broke|crash(?:es|ed|ing)?|bug(?:gy|s)?|glitch(?:y|es|ing)?|freez(?:e|es|ing)|froze|lag(?:gy|s|ging)?)\b/,
  /\b(?:defective|faulty|outage|down again|is down|went down|error|errors|failed|fails|failing|dead|died|cracked)\b/,
  /\b(?:leak(?:s|ing|ed)?|missing|wrong (?:item|order|size|charge)|overcharg\w*|double[- ]charged)\b/,
  /\b(?:charged (?:me )?twice|scam(?:med)?|rip-?off|ripped off)\b/,
  /\b(?:still waiting|still nothing|still no|no response|no reply|no answer|never (?:arrived|came|showed|got))\b/,
  /\b(?:on hold|hung up|waited|waiting (?:for|since))\b/,
  /\b(?:(?:\d+|two|three|four|five|six) (?:hours|days|weeks|months)(?: now| later)?)\b/,
  /\b(?:since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|last week|yesterday))\b/,
  /\b(?:charged|billed|overcharged|deducted|throttl\w*|dropped (?:my|our|the)|deleted (?:my|our|the))\b/,
  /\b(?:lost (?:my|our)|disappeared|vanished|froze (?:my|our)|frozen|blocked|banned|suspended)\b/,
  /\b(?:locked (?:me|us|my|our) out|stuck|ignored|ghosted|wasted|delayed)\b/,
  /\b(?:cancelled (?:my|our) (?:flight|order|booking))\b/,
  /\b(?:arrived (?:broken|damaged|cracked|late|open|wet|in (?:pieces|\w+ pieces))|received (?:a|the) wrong)\b/,
  /\b(?:wrong (?:colou?r|size|item|order|model)|label created|not what (?:i|we) (?:ordered|paid))\b/,
  /\b(?:keeps? (?:asking|crashing|logging|dropping|freezing|failing|charging|disconnecting))\b/,
  new RegExp(
    String.raw`\b(?:nobody|no one|noone) (?:came|comes|answers|answered|responds|responded|replied|replies|` +
      String.raw`helps|helped|will tell|cares|picks up)\b`,
  ),
  /\b(?:is a joke|black hole|gone downhill|went downhill|take forever|takes forever|took forever|need a human)\b/,
  /\b(?:talk to a human|every single (?:time|day)|for the (?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth) time)\b/,
  /\b(?:(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) (?:outage|time this)|(?:isn'?t|is not|not) what\b)\b/,
  /\b(?:won'?t accept|doesn'?t accept|says (?:invalid|error)|hasn'?t (?:fixed|arrived|been|refunded))\b/,
  /\b(?:haven'?t (?:received|heard|gotten|got))\b/,
  /\b(?:kaputt|funktioniert nicht|enttäuscht|schlecht|no funciona|roto|pésimo|nul|ne marche pas|ne fonctionne pas)\b/,
  /\b(?:déçu|cassée?|personne ne répond|storingen?)\b/,
  /\b(?:took my money|never reached|closed my ticket|without (?:replying|a reply|notice|warning|asking)|zero notice)\b/,
  /\b(?:no notice|raised (?:my|our|the) (?:bill|price|rate)|price (?:went|jumped|hike|increase))\b/,
  /\b(?:went from \$?\d+ to \$?\d+|promised|turned out|instead of|got (?:a|an|the) [\w ]+ instead)\b/,
  /\b(?:not (?:resolved|fixed|what i)|unusable|unreliable|can'?t find|hangs?|hanging|spins|spinning|logged me out)\b/,
  /\b(?:logs me out|takes (?:\d+|forever|ages) (?:seconds|minutes|hours)?|was instant before|used to work)\b/,
  /\b(?:slow(?:er)?|sluggish|too (?:hot|loud|small|big|slow|expensive)|nothing (?:at|on|in) (?:my|the)|bent)\b/,
  /\b(?:scratched|dented|torn|stained|skipping|overdue|status page (?:says|was green)|all systems operational)\b/,
  /\b(?:try turning it off|explodes|is the point)\b/,
);

// Feelings that make a complaint only when aimed at a product, service or company ("tired of
// this weather" is a mood; "tired of this app" is a complaint).
const COMPLAINT_MOODS = any(
  /\b(?:worst|terrible|horrible|awful|useless|unacceptable|ridiculous|pathetic|disappointed|disappointing)\b/,
  /\b(?:frustrat(?:ed|ing)|annoy(?:ed|ing)|furious|fed up|sick of|tired of|overpriced|rude|unhelpful|incompetent)\b/,
  /\b(?:garbage|trash|joke|nightmare|disaster|fail|#fail)\b/,
  /\b(?:refund|complain|complaint|escalate|fix (?:this|it|your)|get it together|do better)\b/,
);

/** A brand, an @handle or a product/service word in the post. */
export function aboutABrand(original: string, lower: string): boolean {
  if (/@[\w.]/.test(original)) return true;
  // A capitalised word that does not open a sentence is most often a name (of a brand, here).
  if (/[a-z0-9,;:)]\s+(?!I\b|I'|OK\b)[A-Z][\w&'-]+/.test(original)) return true;
  return SERVICE_WORDS.test(lower);
}

const SERVICE_WORDS = new RegExp(
  String.raw`\b(?:app|service|support|customer service|order|delivery|package|parcel|shipping|account|update|` +
    'subscription|bill|billing|refund|flight|airline|store|website|checkout|login|internet|wifi|' +
    'connection|signal|network|battery|screen|product|warranty|replacement|ticket|hotline|plan|fee|' +
    'payment|booking|reservation|software|version|feature|server|outage|router|device|phone|laptop|' +
    String.raw`headphones|charger|delivery driver|courier)s?\b`,
);

const PRAISE_WORDS = [
  /\b(?:love|loving|loved|adore|obsessed with)\b/,
  /\b(?:thank(?:s| you)|thx|ty|tysm|kudos|shout-?out|props|hats off|cheers to)\b/,
  // Literal emoji need no unicode flag (it would slow the whole family down).
  /(?:❤️|❤|😍|🙌|👏|🥰|💯|🔥|⭐|🙏)/,
  /\b(?:danke|genial|super|toll|gracias|encanta|increíble|merci|génial|parfait|adoro|geweldig|fantastico|ottimo)\b/,
  /\brespect\b/,
];

// Evaluations count as praise outside questions ("which model is best?" asks for advice).
const PRAISE_EVALUATION_WORDS = [
  /\b(?:great|awesome|amazing|excellent|fantastic|brilliant|perfect|wonderful|superb|outstanding|impressive|best)\b/,
  /\b(?:incredible|stellar|top notch|well done|nailed it|game ?changer|lifesaver|life saver|flawless|smooth)\b/,
  /\b(?:seamless|solid|legit|fire|chef'?s kiss|10\/10|five stars|5 stars|worth every)\b/,
  /\b(?:highly recommend|recommend(?:ed)?|can'?t recommend .* enough|so happy with|really happy with)\b/,
  /\b(?:pleasantly surprised|exceeded|blown away|impressed)\b/,
  // Evaluations of a product or service that are not the classic praise words.
  /\b(?:(?:so|really|very|insanely|ridiculously) good|good things|delightful|slick|thoughtful|useful|enjoyable)\b/,
  /\b(?:elite|slaps|just works|just worked|worked perfectly|spotless|favou?rite|unmatched|customer for life)\b/,
  /\b(?:give (?:him|her|them) a raise|what a (?:game|product|team|service|app)|well made)\b/,
  /\b(?:(?:smooth|clean|fast|comfi|friendli|kind)est|patient and kind|no questions asked)\b/,
  /\b(?:(?:without|before) (?:us |me )?even (?:asking|noticing|finishing)|didn'?t even ask|take notes)\b/,
  /\b(?:deserves? (?:a|an|the)|zero (?:lost|issues|problems|downtime))\b/,
  /\b(?:(?:has|have|hasn'?t|haven'?t) (?:not )?(?:dropped|failed|crashed) once)\b/,
];
const PRAISE_CUES = any(...PRAISE_WORDS);
// One scan for both outside questions.
const PRAISE_OR_EVALUATION = any(...PRAISE_WORDS, ...PRAISE_EVALUATION_WORDS);

// Wishes and conditionals ("it'd be amazing if", "would love a") ask for something; their
// praise words are not praise. (The cheap test first: most posts have none.)
const MAYBE_CONDITIONAL = /would|'d\b|\b(?:it|i|we|that)d\b|wish|serait|sarebbe|wäre|ser[ií]a|zou/;
const CONDITIONAL_PRAISE = new RegExp(
  String.raw`\b(?:ce serait|sarebbe|wäre|sería|seria|zou) \w+|\b(?:would|it'?d|that'?d|it would|that would|` +
    `i'?d|we'?d) (?:be )?(?:so |really |super |very |absolutely )?(?:nice|great|cool|awesome|amazing|` +
    String.raw`perfect|lovely|love|like|brilliant|fantastic)\b|\bwish\b[^.!?]*`,
  'g',
);

// The same without `g`: `test` on a global expression would carry its lastIndex to the next text.
const CONDITIONAL_ONE = new RegExp(CONDITIONAL_PRAISE.source);

const FEATURE_REQUEST = any(
  /\b(?:please|pls|plz) (?:add|make|support|bring|include|let|allow|give|consider|implement|fix)\b/,
  new RegExp(
    String.raw`\b(?:would|it'd|itd|it would|that would) (?:be )?(?:so |really |super |very )?(?:nice|great|` +
      String.raw`cool|awesome|amazing|helpful|useful|lovely|ideal|perfect|handy|neat)(?: if| to| for)\b`,
  ),
  /\b(?:i|we) (?:really )?(?:wish|hope) (?:it|you|there|they|the|your|i could|we could|u)\b/,
  /\b(?:would|i'?d|we'?d) (?:love|like) (?:to see|to have|to be able|an? |the option|if|it if|more|some)\b/,
  new RegExp(
    String.raw`\b(?:can|could|will|would) (?:you|they|u|y'?all) (?:please |pls )?(?:add|support|make|bring|` +
      String.raw`include|implement|consider|allow|let)\b`,
  ),
  /\bfeature(?: request|s? idea)?\b|\broadmap\b|\bany plans? (?:to|for|on)\b|\bplans? to (?:add|support|bring)\b/,
  new RegExp(
    String.raw`\b(?:you|they|u|y'?all) (?:should|need to|gotta|oughta) (?:add|support|make|bring|include|` +
      String.raw`implement|allow|let|offer|have)\b`,
  ),
  new RegExp(
    String.raw`\bwhen (?:will|are|is|do|does|can)\b[^.!]*\b(?:add|support|get|have|bring|release|launch|coming|` +
      String.raw`come|available|offer|allow)\b`,
  ),
  new RegExp(
    String.raw`\b(?:add|adding|bring back|brought back|support for|integration with|integrate with|option to|` +
      'ability to|a way to|setting to|toggle|dark mode|light mode|offline mode|export|import|api|' +
      String.raw`widget|shortcut|keyboard shortcuts|multi-?account|two-factor|2fa)\b[^.!?]*\b(?:please|pls|plz|` +
      String.raw`already|yet|when|someday|asap|ever)\b`,
  ),
  /\bwhy (?:can'?t (?:i|we|you)|cannot (?:i|we)|isn'?t there|is there (?:still )?no|(?:still )?no)\b/,
  /\bwhy (?:doesn'?t (?:it|the app|your)|don'?t you|do you not)\b/,
  /\b(?:should|needs? to|ought to) (?:let|have|make|offer|add|support|allow|include|bring|give)\b/,
  /\b(?:needs?|need) (?:a|an|more|some|proper|better|bigger|smaller) \w+/,
  /\b(?:give us|let (?:me|us|users|people) |just add|now add|any chance (?:of|you|we)|will there (?:ever )?be)\b/,
  /\b(?:is (?:a|an|the) [\w -]+ (?:coming|planned)|(?:coming|available) (?:anytime )?soon|in the works)\b/,
  /\b(?:would be a game ?changer|game ?changer if|wish (?:@?\w+ )?(?:had|has|would|could|offered|made|let))\b/,
  /\b(?:missing|lacks?|lacking|no option|no way) (?:to|a|an|the|for)\b/,
  /\b(?:bitte (?:fügt|baut)|wäre (?:toll|schön|super) wenn|ojalá|sería (?:genial|bueno))\b/,
  /\b(?:ce serait (?:bien|génial|top)|pourriez-vous ajouter|sarebbe (?:fantastico|bello|utile) se)\b/,
  /\b(?:zou (?:echt |graag )?\w+ (?:\w+ )*moeten (?:hebben|krijgen))\b/,
  // Imperatives to the brand: "Riverstone, add a quiet-room filter", "pls do a matching sugar bowl".
  new RegExp(
    String.raw`(?:^|[,.!:;]\s*|@[\w.]+\s+)(?:(?:please|pls|plz) )?(?:add|give (?:us|the)|make (?:a|an|the|it)|` +
      'bring back|restock|ship to|offer|release|build|sell|do (?:a|an)) ',
  ),
  new RegExp(
    String.raw`\b(?!(?:i|we|you|u) )\w+ should (?:do|make|sell|ship|show|remember|add|have|let|offer|support|` +
      String.raw`allow|include|bring|give|restock|release|build|fix|stock|open)\b`,
  ),
  /\bwish (?:(?:@?[\w&.'-]+) ){1,3}(?:had|has|would|could|offered|made|let|did|sold|shipped|supported|came)\b/,
  /\b(?:app|it|they|\w+) needs (?:a |an |to |more |some |better |proper |real )?[\w-]+/,
  /\b(?:would kill for|would make (?:my|our|me|us|life)|would (?:love|like) it if|would it be possible)\b/,
  /\b(?:is there a reason \w+ (?:doesn'?t|don'?t|can'?t)|will (?:you|they) ever)\b/,
  /\b(?:are (?:you|they) (?:adding|planning|bringing)|only (?:thing )?missing|missing piece)\b/,
  /\b(?:the one thing (?:i|we) (?:want|need|miss)|(?:don'?t|doesn'?t) (?:offer|have|support) \w+(?: \w+)? yet)\b/,
  /\bif \S+(?: \S+){0,3} (?:made|had|added|offered|supported|did)\b.*\b(?:i'?d|we'?d|i would|we would)\b/,
);

const PURCHASE = any(
  new RegExp(
    String.raw`\b(?:want|wanna|going|gonna|plan(?:ning)?|about|ready|need|dying|trying|hoping|deciding|looking|` +
      'tempted|itching|saving up) to (?:buy|order|get|grab|purchase|pre-?order|upgrade|subscribe|' +
      String.raw`sign up|book|try|switch to|pick up|cop)\b`,
  ),
  /\b(?:thinking (?:of|about)|considering|torn between|deciding between|eyeing|eyeballing|shopping for) /,
  /\b(?:in the market for|looking (?:for|at) (?:a|an|the|some|new|good)) /,
  /\b(?:where (?:can|do|could|should) (?:i|we|you|u) (?:buy|get|order|find|purchase|pre-?order))\b/,
  /\b(?:how much|what'?s the price|what is the price|price (?:of|for|tag|point)|pricing|cost(?:s)? (?:of|for))\b/,
  /\b(?:how expensive|cheaper|discount|promo|coupon|deal on|on sale|black friday|student (?:price|discount))\b/,
  /\b(?:free trial|trial period|quote for|in stock|restock|back in stock|preorders?|pre-orders?|ship(?:s|ping)? to)\b/,
  /\b(?:take my money|shut up and take|add(?:ed)? to (?:my )?cart|just ordered|just pre-?ordered|just bought)\b/,
  /\b(?:finally (?:buying|ordering|getting)|worth (?:it|the money|the price|buying|upgrading))\b/,
  /\b(?:should i (?:buy|get|order|upgrade|go with|choose|pick|switch|subscribe|wait))\b/,
  /\b(?:recommend(?:ations?)? (?:for|on) (?:a|an|the|good|best)|which (?:one|model|plan|version|tier) should)\b/,
  /\b(?:i'?m|im|i am|we'?re|definitely|finally|probably) (?:buying|ordering|getting|booking|upgrading)\b/,
  /\b(?:i'?m|im|i am|we'?re|definitely|finally|probably) (?:subscribing|signing up)\b/,
  /\b(?:(?:buying|ordering|booking) (?:the|a|an|it|one|two)\b|i'?ll (?:finally )?(?:get|buy|order|take))\b/,
  /\b(?:budget(?:ing)?\b|financing|payment plan|installments?|gift cards?|catering|bulk order)\b/,
  /\b(?:(?:do you|does it) (?:offer|ship|deliver|come with|include)|\bvs\.? |versus)\b/,
  /\b(?:which (?:one|kettle|plan|bike|model|tier|edition)|trial|sale (?:include|on|this))\b/,
  /\b(?:ready to (?:sign|buy|order|open|book))\b/,
  /\b(?:kaufen|bestellen|comprar|precio|cuánto cuesta|acheter|combien coûte|prix)\b/,
);

const CHURN = any(
  /\bcancel(?:l?ing|l?ed|lation)?\b/,
  /\b(?:unsubscrib(?:e|ing|ed)|uninstall(?:ing|ed)?|delete (?:my|the|our) (?:account|app|profile|data))\b/,
  /\b(?:deleting (?:my|the) (?:account|app)|close (?:my|our) account|closing (?:my|our) account)\b/,
  /\b(?:port(?:ing)? (?:my|our) number)\b/,
  /\b(?:switch(?:ing|ed)?|mov(?:ing|ed)|go(?:ing)? back|migrat(?:ing|e|ed)|jump(?:ing)? ship) (?:over )?to\b/,
  /\b(?:defect(?:ing)?) (?:over )?to\b/,
  new RegExp(
    String.raw`\b(?:i'?m|im|i am|we'?re|we are|we will be|i will be|i'll be) (?:done|leaving|out|finished|` +
      String.raw`switching|moving|taking my business)\b`,
  ),
  /\b(?:never (?:buying|using|ordering|flying|booking|shopping|coming back|again|going back|recommend))\b/,
  /\b(?:not (?:buying|using|ordering|flying|booking) (?:from |with )?(?:you|them|this|it|\w+ )?again)\b/,
  /\b(?:last (?:time|straw)|final straw|taking my (?:business|money) elsewhere|lost (?:a|another|my|our) customer)\b/,
  /\b(?:you (?:just )?lost (?:me|a customer)|good ?bye|bye bye|farewell)\b/,
  /\b(?:done with|finished with|fed up with|through with) (?:you|this|your|them|it|\w+)\b/,
  /\b(?:alternatives? (?:to|for)|replacement for|better option than)\b/,
  /\b(?:looking for (?:a |an )?(?:new|different|another) (?:provider|bank|carrier|service|app|airline|company))\b/,
  /\bwon'?t (?:be )?(?:renew(?:ing)?|buy(?:ing)?|coming back|using|ordering|flying|booking)\b/,
  /\b(?:not renewing|stop (?:the )?(?:auto-?renew|subscription|membership)|early termination|termination fee)\b/,
  /\b(?:i'?m gone|i want out|i'?m out|moving (?:my|our|all) [\w ]+ (?:off|away|to)|migrating (?:off|away|from))\b/,
  /\b(?:shopping elsewhere|going elsewhere|(?:next|my next) [\w ]+ will be (?:from|a)|lost (?:me|us) as a customer)\b/,
  /\b(?:opened an account (?:with|at) (?:another|a different)|time to (?:leave|switch|move|go))\b/,
  /\b(?:(?:leave|leaving|left|quit|quitting) @?\w+|deleted (?:my|the) [\w ]*account)\b/,
  /\b(?:trying (?:\w+ )?(?:instead|tomorrow)|stappen over|ich kündige|me voy a|je pars)\b/,
  /\b(?:kündig\w*|cancelar|darme de baja|résilier|résiliation|me désabonner|wechsle zu|me cambio a)\b/,
);

// "not cancelling, just asking" and "won't switch" keep the customer.
const CHURN_DENIED = /\b(?:not|n'?t|never|no plans? to) (?:\w+ )?(?:cancel\w*|leav\w*|switch\w*|mov\w*)\b/;

/** The pattern families that fired, by name: inputs of the learned model (intent-features.ts). */
export function ruleCues(text: string, original: string): string[] {
  const cues: string[] = [];
  const question = QUESTION(text);
  if (question) cues.push('question');
  if (question && RHETORICAL(text)) cues.push('rhetorical');
  if (COMPLAINT_CUES(text)) cues.push('complaint');
  if (COMPLAINT_MOODS(text)) cues.push('complaint_mood');
  if (aboutABrand(original, text)) cues.push('brand');
  const conditional = MAYBE_CONDITIONAL.test(text) && CONDITIONAL_ONE.test(text);
  if (conditional) cues.push('conditional');
  const unconditional = conditional ? text.replace(CONDITIONAL_PRAISE, ' ') : text;
  if (PRAISE_OR_EVALUATION(unconditional)) cues.push(PRAISE_CUES(unconditional) ? 'praise' : 'evaluation');
  if (FEATURE_REQUEST(text)) cues.push('feature_request');
  if (PURCHASE(text)) cues.push('purchase_intent');
  if (CHURN(text)) cues.push(CHURN_DENIED.test(text) ? 'churn_denied' : 'churn_risk');
  return cues;
}

/** The patterns' own decision, as the analyzer made it before the model (kept to compare against). */
export function ruleIntents(text: string, original: string, label: string): Intent[] {
  const out: Intent[] = [];
  const question = QUESTION(text) && !RHETORICAL(text);
  if (question) out.push('question');
  // How-to questions ("how do I cancel, can I get a refund?") use complaint words without complaining.
  const complaintCue = COMPLAINT_CUES(text) || (!question && COMPLAINT_MOODS(text) && aboutABrand(original, text));
  const unconditional = MAYBE_CONDITIONAL.test(text) ? text.replace(CONDITIONAL_PRAISE, ' ') : text;
  const praiseCue = question ? PRAISE_CUES(unconditional) : PRAISE_OR_EVALUATION(unconditional);
  if (complaintCue) out.push('complaint');
  if (praiseCue && label !== 'negative' && !(complaintCue && label !== 'positive')) out.push('praise');
  if (FEATURE_REQUEST(text)) out.push('feature_request');
  if (PURCHASE(text)) out.push('purchase_intent');
  if (CHURN(text) && !CHURN_DENIED.test(text)) out.push('churn_risk');
  return out;
}
