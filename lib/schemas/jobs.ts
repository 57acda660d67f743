import { z } from 'zod';
import { columnMappingSchema, rowErrorSchema } from './import';

/**
 * An import in progress. Each batch is written in the same transaction as the job's
 * `lastRow`, so after a service-worker restart the job says exactly what was written.
 */
export const importJobSchema = z.object({
  id: z.string().min(1),
  fileName: z.string().max(500),
  fileSize: z.number().nonnegative(),
  /** Identifies the file (name + size + modified time) so a re-selected file can resume. */
  fingerprint: z.string().max(600),
  mapping: columnMappingSchema,
  startedAt: z.number(),
  updatedAt: z.number(),
  finishedAt: z.number().optional(),
  status: z.enum(['running', 'done', 'interrupted']),
  /** Last source row whose batch was committed. */
  lastRow: z.number().int().nonnegative(),
  customersCreated: z.number().int().nonnegative(),
  customersUpdated: z.number().int().nonnegative(),
  interactionsWritten: z.number().int().nonnegative(),
  duplicatesSkipped: z.number().int().nonnegative(),
  notesWritten: z.number().int().nonnegative(),
  /** Contacts committed to staging and not yet grouped into blocks (counted in interactionsWritten). */
  staged: z.number().int().nonnegative().optional(),
  /** First errors only; `errorCount` has the total. */
  errors: z.array(rowErrorSchema),
  errorCount: z.number().int().nonnegative(),
});
export type ImportJob = z.infer<typeof importJobSchema>;
