import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nameTokens } from '@/lib/identity';

describe('nameTokens', () => {
  it('lower-cases and splits on spaces and punctuation', () => {
    expect(nameTokens('  Jane   DOE-Smith ')).toEqual(['jane', 'doe', 'smith']);
  });

  it('folds diacritics, including letters that do not decompose', () => {
    expect(nameTokens('Zoë Łukasz Søren Straße Ærø José')).toEqual(['zoe', 'lukasz', 'soren', 'strasse', 'aero', 'jose']);
  });

  it('makes apostrophe names findable joined and by their main part', () => {
    expect(nameTokens("Siobhán O'Brien")).toEqual(['siobhan', 'obrien', 'brien']);
    expect(nameTokens('D’Angelo')).toEqual(['dangelo', 'angelo']);
  });

  it('keeps non-Latin scripts', () => {
    expect(nameTokens('Иван Петров')).toEqual(['иван', 'петров']);
    expect(nameTokens('王小明')).toEqual(['王小明']);
  });

  it('returns nothing for names without letters or digits', () => {
    expect(nameTokens('  -- , ')).toEqual([]);
  });

  it('gives tokens that are their own tokens (a query finds what it was built from)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (name) => {
        for (const t of nameTokens(name)) {
          expect(t).toBe(t.toLowerCase());
          expect(nameTokens(t)).toContain(t);
        }
      }),
    );
  });
});
