/**
 * English or not, from function words. A stop-word count is enough to tell English (including
 * non-native English, which keeps its function words) from other languages, costs nothing and
 * needs no model download.
 */
import { words } from './text';

const english = new Set(
  (
    'the a an and or but is are was were be been being am i my me we our us you your it its this that these those ' +
    'to of in on at for with from by about as not no have has had do does did can could will would should ' +
    "please hi hello thanks thank what when where why how which who there here still again just since ago yet " +
    "don't can't won't didn't doesn't isn't haven't hasn't i'm i've it's i'll"
  ).split(' '),
);

// High-frequency function words of the languages support teams meet most often in Europe and the Americas.
// Words shared with English ("a", "in", "me", "no") are left out on purpose.
const foreign = new Set(
  (
    // Spanish / Portuguese
    'el la los las que de del por para con una uno es está estoy mi mis su pero muy hola gracias buenos dias ' +
    'não nao com uma os meu minha você obrigado obrigada olá está ' +
    // French
    'le les des du est et je j\'ai mon ma mes vous nous pas une bonjour merci avec pour sur ce cette mais très ' +
    // German
    'der die das und ist ich mein meine nicht ein eine sie wir mit für auf hallo danke bitte aber sehr ' +
    // Italian / Dutch
    'il gli che di è sono mio mia non ciao grazie het een ik niet mijn zijn voor maar'
  ).split(' '),
);

export interface LanguageGuess {
  language: 'en' | 'other';
  /** Share of words that are English function words. */
  englishShare: number;
}

/** The opening says which language a message is in; a long tail (a log, a quoted thread) adds nothing. */
const SAMPLE_CHARS = 1500;

export function detectLanguage(text: string): LanguageGuess {
  const lower = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  // Scripts without Latin letters (Cyrillic, CJK, Arabic…) are never English prose.
  const letters = lower.match(/\p{L}/gu)?.length ?? 0;
  const latin = lower.match(/[a-z\u00c0-\u024f]/g)?.length ?? 0;
  if (letters >= 8 && latin / letters < 0.5) return { language: 'other', englishShare: 0 };

  const ws = words(lower).slice(0, 600);
  // Too short to judge ("ok", "??", an order number): assume the agent's language.
  if (ws.length < 4) return { language: 'en', englishShare: 1 };
  let en = 0;
  let fo = 0;
  for (const w of ws) {
    if (english.has(w)) en++;
    else if (foreign.has(w)) fo++;
  }
  const englishShare = en / ws.length;
  const language = fo > en || (englishShare < 0.08 && fo >= 2) ? 'other' : 'en';
  return { language, englishShare };
}
