import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Guide } from '@/lib/guide';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/guides/', import.meta.url));

export function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8')) as unknown;
}

/** A small valid current-version guide; tests spread over it to change one thing. */
export function minimalGuide(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 2,
    name: 'Test team',
    avoid: [{ phrase: 'calm down', why: 'Dismissive.' }],
    prefer: [{ kind: 'apology', text: "I'm sorry about the wait." }],
    ...overrides,
  };
}

export function asGuide(json: Record<string, unknown>): Guide {
  return json as unknown as Guide;
}
