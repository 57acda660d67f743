/**
 * The template registry: explicit and ordered (greppable, tree-shakeable). A meta-test checks that
 * every file in this folder is registered and that each id equals its file name.
 */
import acknowledgeAngry from './acknowledge-angry';
import acknowledgeFrustrated from './acknowledge-frustrated';
import acknowledgeLeaving from './acknowledge-leaving';
import acknowledgeMissedPromise from './acknowledge-missed-promise';
import acknowledgePraise from './acknowledge-praise';
import acknowledgeRepeatContact from './acknowledge-repeat-contact';
import acknowledgeRequest from './acknowledge-request';
import acknowledgeStatus from './acknowledge-status';
import acknowledgeWorried from './acknowledge-worried';
import answerConfirm from './answer-confirm';
import answerForThem from './answer-for-them';
import answerSteps from './answer-steps';
import apologyIssue from './apology-issue';
import apologyMissedPromise from './apology-missed-promise';
import apologyRepeatContact from './apology-repeat-contact';
import type { Template } from './define-template';
import nextStepAccount from './next-step-account';
import nextStepBilling from './next-step-billing';
import nextStepCancellation from './next-step-cancellation';
import nextStepComplaint from './next-step-complaint';
import nextStepDelivery from './next-step-delivery';
import nextStepGeneric from './next-step-generic';
import nextStepLeaving from './next-step-leaving';
import nextStepOpenPromise from './next-step-open-promise';
import nextStepOutage from './next-step-outage';
import nextStepPassOnPraise from './next-step-pass-on-praise';
import nextStepTechnical from './next-step-technical';
import thanksDetails from './thanks-details';
import thanksLeaving from './thanks-leaving';
import thanksPersistence from './thanks-persistence';
import thanksPraise from './thanks-praise';
import thanksTenure from './thanks-tenure';

export const templates: readonly Template[] = [
  apologyMissedPromise,
  apologyRepeatContact,
  apologyIssue,
  acknowledgeAngry,
  acknowledgeFrustrated,
  acknowledgeWorried,
  acknowledgeStatus,
  acknowledgeRequest,
  acknowledgeLeaving,
  acknowledgeMissedPromise,
  acknowledgeRepeatContact,
  acknowledgePraise,
  answerSteps,
  answerConfirm,
  answerForThem,
  thanksTenure,
  thanksLeaving,
  thanksPraise,
  thanksDetails,
  thanksPersistence,
  nextStepBilling,
  nextStepOutage,
  nextStepDelivery,
  nextStepTechnical,
  nextStepAccount,
  nextStepComplaint,
  nextStepCancellation,
  nextStepLeaving,
  nextStepPassOnPraise,
  nextStepOpenPromise,
  nextStepGeneric,
];

export type { Template, TemplateExample } from './define-template';
