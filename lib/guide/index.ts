/**
 * Team phrasing guides: the format, its parser and migrations, signatures, and the slices other
 * units consume. Browser-safe: nothing here imports `node:` modules at load time
 * (`loadGuideFile` reaches node:fs through a lazy import only when called; see ./load.ts).
 */
export {
  CURRENT_GUIDE_SCHEMA_VERSION,
  avoidRuleSchema,
  banRuleSchema,
  categorySchema,
  escalationRuleSchema,
  genericAdapterSchema,
  guideJsonSchema,
  guideSchema,
  moodSchema,
  phraseKindSchema,
  preferRuleSchema,
  requiredElementSchema,
  siteSwitchSchema,
  type AvoidRule,
  type BanRule,
  type Category,
  type EscalationRule,
  type GenericAdapter,
  type Guide,
  type Mood,
  type PhraseKind,
  type PreferRule,
  type RequiredElement,
} from './schema';
export {
  DEFAULT_MAX_GUIDE_BYTES,
  parseGuide,
  parseGuideText,
  parseJsonText,
  serializeGuide,
  type ParseResult,
  type ParseTextOptions,
} from './parse';
export { loadGuideFile, readGuideFileText } from './load';
export { toAnalyzerGuide, toSuggestGuide, type AnalyzerGuide, type SuggestGuide } from './consumers';
export { diffGuides, type GuideArea, type GuideChange } from './diff';
export { GUIDE_PRECEDENCE, resolvePrecedence, type GuideSource } from './precedence';
export { DEFAULT_ESCALATION_WINDOW_DAYS, escalationApplies, matchEscalations, matchedWords, type EscalationFacts } from './escalations';
export {
  ALLOWED_PATTERN_FLAGS,
  checkPattern,
  runBounded,
  type BoundedMatch,
  type BoundedRunOptions,
  type BoundedRunResult,
  type PatternCheck,
} from './regex-safety';
export { canonicalJson } from './canonical';
export {
  generateGuideKeys,
  guideSigningPayload,
  importPinnedKey,
  importSigningKey,
  signGuide,
  verifyGuide,
  type GuideKeyPair,
  type VerifyResult,
} from './signing';
export {
  GUIDE_FETCH_TIMEOUT_MS,
  acceptableContentType,
  checkGuideUrl,
  expiryTime,
  guideOriginPattern,
  newSubscription,
  readSubscriptionState,
  refreshSubscription,
  subscribedGuide,
  subscriptionStateSchema,
  type GuideFetch,
  type RefreshOptions,
  type SubscriptionState,
} from './subscription';
export {
  SOURCE_LABEL,
  effectivePinnedKey,
  managedPolicySchema,
  readManagedPolicy,
  resolveActiveGuide,
  type GuideInputs,
  type GuideResolution,
  type ManagedPolicy,
  type SourceState,
  type SourceStatus,
} from './active';
