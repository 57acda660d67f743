/**
 * The rule registry, in reporting order (strongest evidence of a template first). Adding a rule: create
 * ./<rule-id>.ts with its examples, add it here; tests/lib/analysis/rules.test.ts does the rest.
 */
import type { Rule } from '../rule';
import autoResponder from './auto-responder';
import boilerplatePhrase from './boilerplate-phrase';
import corporateVoice from './corporate-voice';
import emptyPromise from './empty-promise';
import formalRegister from './formal-register';
import genericGreeting from './generic-greeting';
import guideAvoid from './guide-avoid';
import guideRequired from './guide-required';
import nameNotUsed from './name-not-used';
import nearDuplicate from './near-duplicate';
import noCustomerDetails from './no-customer-details';
import noNextStep from './no-next-step';
import passiveDeflection from './passive-deflection';
import pushesFollowUp from './pushes-follow-up';
import repeatedApology from './repeated-apology';
import staleDate from './stale-date';
import stockApology from './stock-apology';
import templateShape from './template-shape';
import unfilledPlaceholder from './unfilled-placeholder';
import vagueReference from './vague-reference';
import vagueTimeframe from './vague-timeframe';

export const rules: readonly Rule[] = [
  unfilledPlaceholder,
  nearDuplicate,
  autoResponder,
  genericGreeting,
  stockApology,
  templateShape,
  passiveDeflection,
  staleDate,
  noCustomerDetails,
  pushesFollowUp,
  emptyPromise,
  noNextStep,
  boilerplatePhrase,
  vagueTimeframe,
  corporateVoice,
  formalRegister,
  repeatedApology,
  nameNotUsed,
  vagueReference,
  guideAvoid,
  guideRequired,
];

export type { Rule };
