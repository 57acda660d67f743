import { z } from 'zod';

/** 'en-US': 03/04 = March 4; 'en-GB': 3 April. */
export type DateLocale = 'en-US' | 'en-GB';

export interface FindOptions {
  /** When the reply was sent, epoch ms. Every relative time ("tomorrow", "within 2 hours") counts from here. */
  sentAt: number;
  /** The agent's UTC offset at sentAt in minutes, e.g. +60. Due times are wall-clock times in this offset. */
  offsetMinutes: number;
  /** How to read all-numeric dates such as 03/04. Default en-US. */
  locale?: DateLocale;
}

export const foundPromiseSchema = z.object({
  text: z.string(),
  due: z.string(),
  dueAt: z.number(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  ambiguous: z.string().optional(),
});

export const timeNudgeSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  message: z.string(),
});

/** The scan as it crosses the message boundary (content script ⇄ background). */
export const promiseScanSchema = z.object({
  promises: z.array(foundPromiseSchema),
  nudges: z.array(timeNudgeSchema),
});

export type FoundPromise = z.infer<typeof foundPromiseSchema>;
export type TimeNudge = z.infer<typeof timeNudgeSchema>;
export type PromiseScan = z.infer<typeof promiseScanSchema>;
