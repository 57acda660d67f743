import type { z } from 'zod';

/**
 * One step of the guide format's history: reads a version-`from` guide (validated against that
 * version's own shape, so errors name the fields the lead actually wrote) and returns the
 * version-`to` form. Steps must not drop information: every field of `from` maps somewhere in
 * `to`, and fields a step does not know pass through untouched (the current schema then
 * reports them as unknown). tests/lib/guide/migrations.test.ts enforces both.
 */
export interface GuideMigration<In extends Record<string, unknown>> {
  from: number;
  to: number;
  /** Shape of a version-`from` guide. Must be a loose object so unknown fields survive. */
  input: z.ZodType<In>;
  migrate(input: In): Record<string, unknown>;
}

/** The type-erased form the registry holds, so steps with different input types share one array. */
export interface RegisteredMigration {
  from: number;
  to: number;
  input: z.ZodType;
  run(json: unknown): { ok: true; value: Record<string, unknown> } | { ok: false; issues: z.core.$ZodIssue[] };
}

export function defineMigration<In extends Record<string, unknown>>(m: GuideMigration<In>): RegisteredMigration {
  return {
    from: m.from,
    to: m.to,
    input: m.input,
    run(json) {
      const parsed = m.input.safeParse(json);
      if (!parsed.success) return { ok: false, issues: parsed.error.issues };
      return { ok: true, value: { ...m.migrate(parsed.data), schemaVersion: m.to } };
    },
  };
}
