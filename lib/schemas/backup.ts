import { z } from 'zod';
import { customerSchema, interactionSchema, mergeSchema, noteSchema, overrideSchema, promiseSchema, sentReplySchema } from './records';
import { importJobSchema } from './jobs';

/** The "export all data" file; importing it replaces the database with exactly this content. */
export const backupSchema = z.object({
  format: z.literal('rapport-backup'),
  version: z.literal(1),
  exportedAt: z.string(),
  tables: z.object({
    customers: z.array(customerSchema),
    interactions: z.array(interactionSchema),
    notes: z.array(noteSchema),
    promises: z.array(promiseSchema),
    merges: z.array(mergeSchema),
    importJobs: z.array(importJobSchema),
    // Added after the first backups were written: absent in those, so empty.
    sentReplies: z.array(sentReplySchema).default([]),
    overrides: z.array(overrideSchema).default([]),
  }),
});
export type Backup = z.infer<typeof backupSchema>;
