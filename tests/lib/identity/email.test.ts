import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeEmail } from '@/lib/identity';

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
  });

  it('reads display-name and mailto: forms', () => {
    expect(normalizeEmail('Jane Doe <jane@example.com>')).toBe('jane@example.com');
    expect(normalizeEmail('"Doe, Jane" <Jane@Example.com>')).toBe('jane@example.com');
    expect(normalizeEmail('mailto:jane@example.com')).toBe('jane@example.com');
    expect(normalizeEmail('MAILTO:jane%2Bbilling@example.com?subject=Hi')).toBe('jane+billing@example.com');
  });

  it('folds Gmail dots and +tags, and googlemail.com into gmail.com', () => {
    expect(normalizeEmail('J.A.N.E+shop@gmail.com')).toBe('jane@gmail.com');
    expect(normalizeEmail('jane.doe@googlemail.com')).toBe('janedoe@gmail.com');
  });

  it('keeps dots and +tags for other domains', () => {
    expect(normalizeEmail('jane.doe+billing@example.co.uk')).toBe('jane.doe+billing@example.co.uk');
    expect(normalizeEmail('j.doe@outlook.com')).not.toBe(normalizeEmail('jdoe@outlook.com'));
  });

  it('puts internationalised domains in their ASCII form', () => {
    expect(normalizeEmail('anna@Bücher.de')).toBe('anna@xn--bcher-kva.de');
  });

  it.each([
    '',
    'jane',
    'jane@',
    '@example.com',
    'jane@example',
    'jane@@example.com',
    'jane doe@example.com',
    'jane..doe@example.com',
    '.jane@example.com',
    'jane@-example.com',
    'jane@example.c',
    '+@gmail.com',
    'Jane Doe <not an email>',
  ])('rejects %j', (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });

  it('is idempotent on generated addresses', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (raw) => {
        const once = normalizeEmail(raw);
        if (once !== null) expect(normalizeEmail(once)).toBe(once);
      }),
    );
  });

  it('is idempotent on arbitrary text, and never returns something without one @', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        const once = normalizeEmail(raw);
        if (once === null) return;
        expect(once.split('@')).toHaveLength(2);
        expect(normalizeEmail(once)).toBe(once);
      }),
    );
  });

  it('treats case and Gmail spelling variants of one address as one', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,8}$/), fc.stringMatching(/^[a-z0-9]{0,5}$/), (user, tag) => {
        const dotted = user.split('').join('.');
        const variant = `${dotted.toUpperCase()}${tag ? `+${tag}` : ''}@GoogleMail.com`;
        expect(normalizeEmail(variant)).toBe(`${user}@gmail.com`);
      }),
    );
  });
});
