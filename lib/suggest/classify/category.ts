/**
 * Category: what the message is about. Intent first (leaving, thanks, a how-to question), then
 * subject matter. Intent beats topic because it decides the reply's shape: a customer asking how
 * to change their address needs an answer, not an account-problem apology.
 */
import type { Category } from '../types';
import type { Signals, TopicCategory } from './signals';

// Tie-break order among topics: money comes up in every kind of message ("I paid for next-day
// delivery"), so on a tie the thing that failed wins over the bill.
const topicOrder: TopicCategory[] = ['delivery', 'outage', 'technical', 'account', 'billing', 'complaint'];

export function decideCategory(s: Signals): Category {
  if (s.leaving) return 'cancellation';

  const bestTopic = pickTopic(s);
  const topicScore = bestTopic ? s.topic[bestTopic] : 0;

  // Praise: gratitude with no live problem. An old, fixed problem does not count (resolved sentences
  // are excluded from `problem`); a substantive question makes it a how-to asked politely.
  // Praise often mentions what went right in negatives ("she never made me feel stupid"), so a few
  // problem words are tolerated when gratitude clearly outweighs them.
  // Thanks followed by a request about a subject ("thanks for the credit; could you confirm it shows on my
  // bill?") is about that subject, asked kindly.
  const askedAbout = (s.question || s.softQuestion) && !s.selfQuestion && topicScore >= 3;
  if (!s.sarcasm && !askedAbout && s.positive >= 2 && (s.problem <= 2 || s.positive * 2 >= s.problem) && s.anger < 2 && s.frustration < 2) {
    return s.selfQuestion ? 'how-to' : 'praise';
  }

  if (s.cancelRequest || (s.cancelThing && s.problem <= 2)) return 'cancellation';

  // A question about doing something, with nothing broken: answer it.
  if (s.selfQuestion && s.problem <= 1 && s.anger < 2) return 'how-to';

  // "Tell me when my order will ship" is about the order; "tell me how to…" with nothing else is a how-to.
  if (s.softQuestion && s.problem <= 1 && s.anger < 2 && topicScore < 3) return 'how-to';
  if (bestTopic && topicScore >= 2) return bestTopic;
  if (s.cancelThing) return 'cancellation';
  if (s.selfQuestion || s.softQuestion || (s.question && s.problem === 0)) return 'how-to';
  if (s.positive >= 1 && s.problem === 0 && !s.sarcasm) return 'praise';
  if (bestTopic && topicScore > 0) return bestTopic;
  // Unhappy but about nothing in particular: a complaint about the service as a whole.
  if (s.problem > 0 || s.anger > 0 || s.frustration > 0 || s.sarcasm) return 'complaint';
  return 'how-to';
}

function pickTopic(s: Signals): TopicCategory | null {
  let best: TopicCategory | null = null;
  let bestScore = 0;
  for (const key of topicOrder) {
    // Complaints about people and handling are only a category when they outweigh the subject matter.
    const score = key === 'complaint' ? s.topic[key] - 1 : s.topic[key];
    if (score > bestScore) {
      best = key;
      bestScore = score;
    }
  }
  return best;
}
