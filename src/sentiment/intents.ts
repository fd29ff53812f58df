/**
 * What a mention wants, from rule patterns on its (lower-cased, entity-decoded) text. Several may
 * hold at once ("love it, but please add dark mode?" is praise, a feature request and a question).
 * Precision and recall per intent are measured on tests/fixtures/intents.tsv.
 */
export const INTENTS = ['question', 'complaint', 'praise', 'feature_request', 'purchase_intent', 'churn_risk'] as const;
export type Intent = (typeof INTENTS)[number];

// One regular expression per intent (the alternatives joined): one scan of the text, not ten.
const any = (...res: RegExp[]) => {
  const joined = new RegExp(res.map((re) => `(?:${re.source})`).join('|'), res.some((re) => re.unicode) ? 'u' : '');
  return (text: string) => joined.test(text);
};

const QUESTION = any(
  /\?/,
  /^(?:@\w+\s+)*(?:how|what|why|when|where|who|which|can|could|does|do|did|is|are|will|would|should|has|have|anyone|any idea|is there)\b[^.!]{3,}$/,
);

const FEATURE_REQUEST = any(
  /\bplease (?:add|make|support|bring|include|let us|allow|give us|fix)\b/,
  /\b(?:would|it'd|it ?would) be (?:so |really |super )?(?:nice|great|cool|awesome|amazing|helpful|useful|lovely) (?:if|to have|to get|to see)\b/,
  /\b(?:i|we) (?:really )?wish (?:it|you|there|they|the app|the product)\b/,
  /\b(?:can|could|will) (?:you|they|u) (?:please )?(?:add|support|make|bring|include|implement)\b/,
  /\bfeature request\b/,
  /\b(?:you|they) should (?:add|support|make|bring|include|implement|allow)\b/,
  /\bwhen (?:will|are) (?:you|they|u)\b.*\b(?:add|support|get|have|bring|release)\b/,
  /\badd (?:support for|an? option|a way|dark mode|an? setting)\b/,
  /\b(?:need|needs|want|wants) (?:an? )?(?:option|setting|feature|integration|export|api|dark mode|way) (?:to|for)\b/,
  /\bwhy (?:is there no|isn't there|can't i|doesn't it (?:have|support))\b/,
);

const PURCHASE = any(
  /\b(?:want|wanna|going|gonna|plan(?:ning)?|about|ready|need|dying) to (?:buy|order|get|purchase|pre-?order|upgrade to|try)\b/,
  /\bthinking (?:of|about) (?:buying|getting|ordering|switching to|trying)\b/,
  /\bwhere (?:can|do|could) (?:i|we|you) (?:buy|get|order|find|purchase)\b/,
  /\bhow much (?:is|does|for|are|do|would)\b/,
  /\b(?:what'?s|what is) the price\b|\bprice (?:of|for)\b|\bpricing\b/,
  /\btake my money\b|\bshut up and take\b/,
  /\bshould i (?:buy|get|order|upgrade|go with|choose|pick)\b/,
  /\b(?:is it|is this|are they) worth (?:it|buying|the money|the price)\b/,
  /\b(?:in the market for|looking to buy|shopping for)\b/,
  /\b(?:just )?(?:ordered|pre-?ordered|bought)\b.*\b(?:can't wait|cannot wait)\b/,
  /\bany (?:discount|promo|coupon|deal)s?\b|\bfree trial\b|\bdemo\b.*\b(?:book|request|schedule)\b/,
);

const CHURN = any(
  /\bcancel(?:l?ing|l?ed)? (?:my|our|the) (?:subscription|account|plan|membership|order|contract|service)\b/,
  /\b(?:i'm|im|i am|we're|we are) (?:cancel(?:l?ing)|leaving|done with|switching|moving|unsubscribing)\b/,
  /\b(?:switch(?:ing|ed)?|mov(?:ing|ed)|go(?:ing)? back|migrat(?:ing|e)) (?:over )?to\b/,
  /\b(?:unsubscrib(?:e|ing|ed)|uninstall(?:ing|ed)?|delete (?:my|the) (?:account|app))\b/,
  /\bnever (?:buying|using|ordering|flying|again|going back|recommend)\b/,
  /\b(?:last|final) time (?:i|we) (?:buy|use|order|fly|shop)\b/,
  /\b(?:done|finished|fed up) with (?:you|this|your|them|it)\b/,
  /\b(?:looking for|find(?:ing)?) (?:an? )?(?:alternative|replacement|competitor)s?\b/,
  /\bwon't (?:be )?(?:renew(?:ing)?|buy(?:ing)?|coming back|using)\b/,
  /\brefund\b.*\b(?:cancel|leave|done)\b/,
);

const COMPLAINT_WORDS = any(
  /\b(?:doesn'?t|does not|don'?t|didn'?t|won'?t|isn'?t|not|never|stopped|keeps?) (?:work|working|load|loading|open|sync|charge|charging|respond|responding|arrive|arrived|show|help|helpful)\b/,
  /\b(?:broken|broke|crash(?:es|ed|ing)?|bug(?:gy|s)?|glitch(?:y|es)?|freez(?:es|ing)|laggy|defective|faulty|outage|down again|is down)\b/,
  /\b(?:worst|terrible|horrible|awful|useless|unacceptable|ridiculous|disappointed|disappointing|frustrat(?:ed|ing)|annoy(?:ed|ing)|rip-?off|scam|overpriced|rude)\b/,
  /\b(?:still waiting|no response|no reply|waited|waiting for (?:hours|days|weeks)|on hold|never arrived|lost my|charged (?:me )?twice|double charged)\b/,
  /\b(?:refund|complaint|fix (?:this|it|your)|customer service|support (?:is|team|ticket))\b/,
  /\b(?:problem|issue|error)s? with\b/,
);

const PRAISE_WORDS = any(
  /\b(?:love|loving|loved|adore)\b/,
  /\b(?:thank(?:s| you)|thx|ty|kudos|shout-?out|props)\b/,
  /\b(?:great|awesome|amazing|excellent|fantastic|brilliant|perfect|wonderful|superb|outstanding|impressive|best|incredible|stellar|top notch|well done|nailed it)\b/,
  /\b(?:highly recommend|recommend(?:ed)? (?:it|them|this))\b/,
  /(?:❤️|😍|🙌|👏|🥰|💯|🔥)/u,
);

export interface IntentInput {
  /** Lower-cased, entity-decoded text. */
  text: string;
  label: 'positive' | 'neutral' | 'negative' | 'unscored';
}

export function detectIntents({ text, label }: IntentInput): Intent[] {
  const out: Intent[] = [];
  if (QUESTION(text)) out.push('question');
  // A complaint is unhappy and says about what; praise is happy and says so.
  if (COMPLAINT_WORDS(text) && label !== 'positive') out.push('complaint');
  if (PRAISE_WORDS(text) && label === 'positive') out.push('praise');
  if (FEATURE_REQUEST(text)) out.push('feature_request');
  if (PURCHASE(text)) out.push('purchase_intent');
  if (CHURN(text)) out.push('churn_risk');
  return out;
}
