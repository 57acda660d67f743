/**
 * Public types of the suggestion engine. Pure data: this module is shared by the content script,
 * the background and the Node CLI, so it must not import anything with side effects.
 */

export const categories = [
  'billing',
  'outage',
  'delivery',
  'cancellation',
  'technical',
  'account',
  'praise',
  'complaint',
  'how-to',
] as const;
export type Category = (typeof categories)[number];

export const moods = ['angry', 'frustrated', 'worried', 'neutral', 'grateful', 'leaving'] as const;
export type Mood = (typeof moods)[number];

export const suggestionKinds = ['apology', 'acknowledge', 'thanks', 'next-step'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

/** What went wrong, extracted from the customer's message so a reply can name it. */
export interface Issue {
  /** The issue in the customer's own words (first person, as they wrote it). */
  summary: string;
  /** What the customer says was promised to them, in their words. */
  promised?: string;
  /** Money amounts as written ("£42.50", "30 euros"). */
  amounts: string[];
  /** Dates and times as written ("Wednesday", "8pm", "12 March"). */
  dates: string[];
  /** Products or services mentioned ("router", "broadband"). */
  products?: string[];
}

export interface Situation {
  category: Category;
  mood: Mood;
  issue: Issue;
  language: 'en' | 'other';
}

export interface PromiseRef {
  text: string;
  /** ISO date or date-time, as stored on the promise. */
  dueAt?: string;
}

export interface CustomerContext {
  name?: string;
  /** YYYY-MM-DD. */
  customerSince?: string;
  /** Contacts in the last 30 days, including this one. */
  contactsLast30Days?: number;
  missedPromise?: PromiseRef | null;
  openPromises?: PromiseRef[];
  latestNote?: string;
}

/**
 * A team phrasing guide as the engine consumes it (lib/guide maps the on-disk format onto this).
 * Texts may contain the slots {name}, {issue}, {since}, {years}, {contacts}, {promise}.
 */
export type SuggestGuide = {
  prefer?: Array<{ category?: Category; mood?: Mood; kind: SuggestionKind; text: string; mode?: 'add' | 'replace' }>;
  ban?: Array<{ phrase: string; category?: Category; mood?: Mood }>;
};

export interface SuggestInput {
  message: string;
  record?: CustomerContext;
  guide?: SuggestGuide;
  /** This agent's last sent openings, newest first. */
  recentOpenings?: string[];
  now?: Date;
}

/** A span the agent must fill, in UTF-16 offsets into `text` (brackets included). */
export interface Blank {
  start: number;
  end: number;
  label: string;
}

export interface Suggestion {
  /** Stable for a given template variant: `<template-id>/<variant>` or `guide/<index>`. */
  id: string;
  kind: SuggestionKind;
  /** Blanks are written as ⟨label⟩ (U+27E8 … U+27E9). */
  text: string;
  blanks: Blank[];
  /** A short phone-call version: imperative notes, no blank markup. */
  talkingPoint: string;
}

export interface SuggestOutput {
  situation: Situation;
  suggestions: Suggestion[];
  /** Things the agent should know about the input, e.g. "customer_since is in the future: ignored". */
  notes: string[];
}
