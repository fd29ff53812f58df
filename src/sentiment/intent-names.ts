/** The intents the analyzer knows; its own file so the rules and the model need not import intents.ts. */
export const INTENTS = ['question', 'complaint', 'praise', 'feature_request', 'purchase_intent', 'churn_risk'] as const;
export type Intent = (typeof INTENTS)[number];
