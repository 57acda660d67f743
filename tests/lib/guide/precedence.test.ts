import { describe, expect, it } from 'vitest';
import { resolvePrecedence, type Guide } from '@/lib/guide';
import { asGuide, minimalGuide } from './helpers';

const managed = asGuide(minimalGuide({ name: 'IT policy' }));
const subscribed = asGuide(minimalGuide({ name: 'Team lead URL' }));
const local = asGuide(minimalGuide({ name: 'My edits' }));

describe('resolvePrecedence', () => {
  it('prefers managed over subscribed over local, whole guide only', () => {
    expect(resolvePrecedence({ managed, subscribed, local })).toEqual({ guide: managed, source: 'managed' });
    expect(resolvePrecedence({ subscribed, local })).toEqual({ guide: subscribed, source: 'subscribed' });
    expect(resolvePrecedence({ local })).toEqual({ guide: local, source: 'local' });
    expect(resolvePrecedence({ managed, local })).toEqual({ guide: managed, source: 'managed' });
  });

  it('never merges fields from a lower source', () => {
    const sparse: Guide = asGuide(minimalGuide({ name: 'Sparse', avoid: [] }));
    const { guide } = resolvePrecedence({ managed: sparse, local });
    expect(guide).toBe(sparse);
    expect(guide?.avoid).toEqual([]);
  });

  it('returns nothing when no guide is present', () => {
    expect(resolvePrecedence({})).toEqual({ guide: null, source: null });
    expect(resolvePrecedence({ managed: undefined, subscribed: null })).toEqual({ guide: null, source: null });
  });
});
