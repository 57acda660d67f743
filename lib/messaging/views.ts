import { z } from 'zod';
import { customerSchema, interactionSchema, noteSchema, promiseSchema } from '@/lib/schemas/records';

/** Everything the sidebar shows about one customer, in one round trip. */
export const customerViewSchema = z.object({
  customer: customerSchema,
  contactsLast30Days: z.number().int().nonnegative(),
  repeatContact: z.boolean(),
  totalContacts: z.number().int().nonnegative(),
  firstContactAt: z.number().nullable(),
  openPromises: z.array(promiseSchema.extend({ overdue: z.boolean() })),
  latestNotes: z.array(noteSchema),
  timeline: z.array(interactionSchema),
  activeMerges: z.number().int().nonnegative(),
});
export type CustomerView = z.infer<typeof customerViewSchema>;

export const customerSummarySchema = customerSchema.pick({ id: true, name: true, emails: true, phones: true, customerSince: true });
export type CustomerSummary = z.infer<typeof customerSummarySchema>;
