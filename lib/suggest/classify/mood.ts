/**
 * Mood: how the customer feels, which decides tone. Leaving trumps everything (the reply must help
 * them go); sarcasm counts as frustration, never as gratitude ("Great, third time I'm writing").
 */
import type { Mood } from '../types';
import type { Signals } from './signals';

export function decideMood(s: Signals): Mood {
  if (s.leaving) return 'leaving';

  const anger = s.anger + s.shouting + (s.threat ? 1 : 0);
  const frustration = s.frustration + (s.sarcasm ? 3 : 0) + (s.threat ? 1 : 0);
  const worry = s.worry;

  if (anger >= 4 || (anger >= 3 && anger >= frustration)) return 'angry';
  // Thanks that mention a vulnerable relative ("helped my elderly mum") are still thanks.
  if (s.positive >= 2 && (s.problem <= 2 || s.positive * 2 >= s.problem) && s.positive >= worry && frustration < 2 && anger < 2) return 'grateful';
  if (worry >= 2 && worry >= frustration && worry >= anger) return 'worried';
  if (frustration >= 2) return anger >= 3 && anger > frustration ? 'angry' : 'frustrated';
  if (anger >= 2) return 'angry';
  if (s.positive >= 2 && s.problem <= 2) return 'grateful';
  if (s.positive >= 1 && s.problem === 0) return 'grateful';
  return 'neutral';
}
