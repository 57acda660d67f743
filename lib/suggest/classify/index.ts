/**
 * classify(message): category, mood, language and the issue's specifics, in one cheap pass.
 */
import type { Situation } from '../types';
import { decideCategory } from './category';
import { extractIssue, type IssueDetails } from './issue';
import { detectLanguage } from './language';
import { decideMood } from './mood';
import { collectSignals, type Signals } from './signals';
import { capText, cleanText, MAX_CHARS, splitSentences } from './text';

export interface Classification {
  situation: Situation;
  details: IssueDetails;
  signals: Signals;
  /** The (capped, cleaned) text that was read. */
  text: string;
  notes: string[];
}

export function classify(message: string): Classification {
  const notes: string[] = [];
  const { text: cappedRaw, capped } = capText(typeof message === 'string' ? message : '');
  if (capped) notes.push(`message is longer than ${MAX_CHARS.toLocaleString('en-GB')} characters: only the start was read`);
  const text = cleanText(cappedRaw);
  if (text.trim().length === 0) notes.push('message is empty: suggestions are generic and need the details filled in');

  const sentences = splitSentences(text);
  const lower = text.toLowerCase();
  const { language } = detectLanguage(lower);
  if (language === 'other') {
    notes.push('message does not look like English: phrasing kept neutral; reply in the customer’s language if you can');
  }
  const signals = collectSignals(text, sentences);
  const category = decideCategory(signals);
  const mood = decideMood(signals);
  const details = extractIssue(text, signals, category, language);
  return { situation: { category, mood, issue: details.issue, language }, details, signals, text, notes };
}

export { detectLanguage } from './language';
export { toSecondPerson } from './person';
