import type { z } from 'zod';

/** One line per problem, `path.to.field: reason`, so users can find the field. */
export function describeZodError(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`).join('; ');
}
