/**
 * The contract between the import parser (lib/import, runs in the options page) and the
 * background writer: one source row, already mapped and normalised, or a row error.
 */
import { z } from 'zod';
import { interactionSchema, isoDateSchema, noteSchema } from './records';

/** Fields an imported column can map to. */
export const importFieldSchema = z.enum([
  'customer.sourceId',
  'customer.name',
  'customer.email',
  'customer.phone',
  'customer.accountId',
  'customer.since',
  'interaction.sourceId',
  'interaction.channel',
  'interaction.at',
  'interaction.agent',
  'interaction.subject',
  'interaction.summary',
  'interaction.outcome',
  'interaction.ticketId',
  'note.text',
]);
export type ImportField = z.infer<typeof importFieldSchema>;

/** Column name in the file → field; unmapped columns are ignored (and listed in the preview). */
export const columnMappingSchema = z.record(z.string(), importFieldSchema);
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const importRowSchema = z.object({
  /** 1-based line (CSV: physical line of the record's start; JSON: array index + 1). */
  row: z.number().int().positive(),
  customer: z.object({
    sourceId: z.string().max(200).optional(),
    name: z.string().max(300).optional(),
    /** Normalised already. */
    emails: z.array(z.string()).default([]),
    /** E.164 already. */
    phones: z.array(z.string()).default([]),
    accountId: z.string().max(100).optional(),
    since: isoDateSchema.optional(),
  }),
  // The contact as it will be stored, plus the id it has in the source system.
  interaction: interactionSchema
    .pick({ channel: true, at: true, agent: true, subject: true, summary: true, outcome: true, ticketId: true })
    .extend({ sourceId: z.string().max(200).optional() })
    .optional(),
  note: noteSchema.pick({ text: true }).optional(),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const rowErrorSchema = z.object({
  row: z.number().int().nonnegative(),
  reason: z.string(),
});
export type RowError = z.infer<typeof rowErrorSchema>;

/**
 * One committed batch of an import whose contacts wait to be grouped by customer into contact
 * blocks (lib/db/repositories/imports.ts flushStaged). Staging is what makes blocks pay off:
 * a CRM export interleaves customers, so one batch rarely holds two contacts of the same one.
 */
export const importStagingSchema = z.object({
  /** `${jobId}:${lastRow}`: a batch delivered twice overwrites itself. */
  id: z.string().min(1),
  jobId: z.string().min(1),
  contacts: z.array(interactionSchema),
});
export type ImportStaging = z.infer<typeof importStagingSchema>;
