import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, compileGuide, DEFAULT_CANNED_THRESHOLD, NearDuplicateIndex, type AnalyzerGuide } from '@/lib/analysis';

const CANNED =
  'Dear Customer,\n\nThank you for contacting us. We apologize for any inconvenience this may have caused. Your request has been forwarded to the relevant department and they will get back to you shortly.\n\nIf you have any further questions, please do not hesitate to contact us.\n\nKind regards,\nCustomer Support Team';

function spanTexts(draft: string) {
  return analyze(draft).findings.map((f) => draft.slice(f.start, f.end));
}

describe('analyze', () => {
  it('passes a short, courteous, personal reply with no warnings', () => {
    const a = analyze('Thanks Priya, done: your refund of 42.10 went out today.', {
      customerName: 'Priya Shah',
      customerMessage: 'I was charged twice, 42.10 each time. Can you refund one?',
    });
    expect(a.verdict).toBe('ok');
    expect(a.findings.filter((f) => f.severity === 'warning')).toEqual([]);
    expect(a.score).toBeLessThan(DEFAULT_CANNED_THRESHOLD);
  });

  it('flags a stock macro as canned and explains why', () => {
    const a = analyze(CANNED);
    expect(a.verdict).toBe('canned');
    expect(a.score).toBeGreaterThanOrEqual(80);
    const rules = new Set(a.findings.map((f) => f.rule));
    for (const r of ['generic-greeting', 'stock-apology', 'passive-deflection', 'template-shape', 'pushes-follow-up', 'boilerplate-phrase']) expect(rules).toContain(r);
  });

  it('returns ok, score 0 and no findings for empty and blank drafts', () => {
    for (const draft of ['', '   ', '\n\t\n']) {
      expect(analyze(draft)).toEqual({ score: 0, verdict: 'ok', findings: [], similarTo: null, guideErrors: [] });
    }
  });

  it('keeps findings sorted by position, with scores in 0–100', () => {
    const a = analyze(CANNED);
    const starts = a.findings.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    expect(a.score).toBeGreaterThanOrEqual(0);
    expect(a.score).toBeLessThanOrEqual(100);
  });

  it('is deterministic', () => {
    expect(analyze(CANNED, { customerName: 'Sam Lee' })).toEqual(analyze(CANNED, { customerName: 'Sam Lee' }));
  });

  it('offers a replacement greeting when the name is known', () => {
    const draft = 'Dear Customer,\nYour card is on its way.';
    const f = analyze(draft, { customerName: 'Priya Shah' }).findings.find((x) => x.rule === 'generic-greeting');
    expect(f?.fix).toEqual({ replacement: 'Hi Priya', hint: expect.any(String) });
    expect(draft.slice(f!.start, f!.end)).toBe('Dear Customer');
  });

  it('fills a name placeholder with the known first name', () => {
    const f = analyze('Hi {{first_name}}, your card is on its way.', { customerName: 'Priya Shah' }).findings.find((x) => x.rule === 'unfilled-placeholder');
    expect(f?.fix?.replacement).toBe('Priya');
  });

  it('flags ⟨…⟩ blanks from suggestions until they are filled', () => {
    const blank = analyze('Hi Sam, the fix ships on ⟨date of the fix⟩ and I will email you that day.');
    expect(blank.findings.map((f) => f.rule)).toContain('unfilled-placeholder');
    const filled = analyze('Hi Sam, the fix ships on Thursday and I will email you that day.');
    expect(filled.findings.map((f) => f.rule)).not.toContain('unfilled-placeholder');
  });
});

describe('spans', () => {
  it('are UTF-16 offsets that survive emoji, combining marks and RTL text before the match', () => {
    const prefix = '👋🏽 مرحبا Zoe\u0308 — שלום! ';
    const draft = `${prefix}We apologize for any inconvenience.`;
    const f = analyze(draft).findings.find((x) => x.rule === 'stock-apology');
    expect(f).toBeDefined();
    expect(f!.start).toBe(prefix.length);
    expect(draft.slice(f!.start, f!.end)).toBe('We apologize for any inconvenience');
  });

  it('treat HTML as plain text: tags stay in the offsets', () => {
    const draft = '<p>Dear Customer,</p><p>We apologize for any inconvenience.</p>';
    expect(spanTexts(draft)).toEqual(expect.arrayContaining(['Dear Customer', 'We apologize for any inconvenience']));
    expect(spanTexts(draft)).not.toContain('<p>');
  });

  it('never split a surrogate pair and always lie inside the draft', () => {
    const piece = fc.constantFrom(
      'Dear Customer, ', 'We apologize for any inconvenience. ', 'Hi Priya, ', '{{name}} ', '⟨date⟩ ', '😀', '👩‍👩‍👧', 'é', 'e\u0301', 'مرحبا ', 'שלום ',
      '\n', 'Kind regards,\nCustomer Support Team', 'Please do not hesitate to contact us. ', 'I will call you tomorrow at 4pm. ', '<b>', '42.10 ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        const draft = pieces.join('');
        for (const f of analyze(draft, { customerName: 'Priya', customerMessage: 'order 48213 is late' }).findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeGreaterThanOrEqual(f.start);
          expect(f.end).toBeLessThanOrEqual(draft.length);
          const first = draft.charCodeAt(f.start);
          const last = draft.charCodeAt(f.end - 1);
          if (f.end > f.start) {
            expect(first >= 0xdc00 && first <= 0xdfff, `starts inside a pair: ${JSON.stringify(draft.slice(f.start, f.end))}`).toBe(false);
            expect(last >= 0xd800 && last <= 0xdbff, `ends inside a pair: ${JSON.stringify(draft.slice(f.start, f.end))}`).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('large input', () => {
  it('handles a 100 KB draft and still reports spans inside it', () => {
    const unit = 'We apologize for any inconvenience. Your order 48213 shipped on Monday with 😀 tracking. ';
    const draft = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
    const a = analyze(draft, { customerName: 'Priya', customerMessage: 'Where is order 48213?', pastReplies: [{ id: 'x', text: unit.repeat(3) }] });
    expect(a.verdict).toBe('canned');
    expect(a.findings.length).toBeGreaterThan(100);
    for (const f of a.findings) expect(f.end).toBeLessThanOrEqual(draft.length);
  });
});

describe('near-duplicates through analyze', () => {
  const macro = (name: string, n: string) =>
    `Hi ${name},\nThank you for reaching out about order ${n}. We have checked with our warehouse and your parcel has been dispatched with our courier partner, so it should reach you within the next few working days.\nBest,\nSam`;

  it('names the past reply and the similarity, from an array or an index', () => {
    const past = [{ id: 'r-1', text: 'Completely different words about a broadband fault on the line that I fixed this morning for you.' }, { id: 'r-2', text: macro('Tom', '55120') }];
    const fromArray = analyze(macro('Priya', '48213'), { pastReplies: past });
    expect(fromArray.similarTo).toEqual({ id: 'r-2', similarity: 1 });
    const f = fromArray.findings.find((x) => x.rule === 'near-duplicate');
    expect(f?.message).toContain('r-2');
    expect(f?.message).toContain('100%');
    const index = NearDuplicateIndex.fromReplies(past);
    expect(analyze(macro('Priya', '48213'), { pastReplies: index }).similarTo).toEqual({ id: 'r-2', similarity: 1 });
  });

  it('reports nothing for an unrelated draft', () => {
    const a = analyze('Hi Priya, I moved your engineer visit to Thursday 8am because the van broke down; I will text you when he leaves the depot.', { pastReplies: [{ id: 'r-2', text: macro('Tom', '55120') }] });
    expect(a.similarTo).toBeNull();
    expect(a.findings.map((f) => f.rule)).not.toContain('near-duplicate');
  });
});

describe('guide', () => {
  const guide: AnalyzerGuide = {
    avoid: [
      { phrase: 'no worries', why: 'Too casual for banking customers.', instead: 'Happy to help' },
      { pattern: '([unclosed', why: 'broken on purpose' },
      { pattern: '\\bticket (?:id|number)\\b', flags: 'i', why: 'Customers do not know our ticket IDs.' },
      { pattern: 'x', flags: 'zz', why: 'bad flags' },
    ],
    boilerplate: ['thanks for being awesome'],
    thresholds: { canned: 10 },
    required: ['next-step-time', 'customer-name'],
  };

  it('turns avoid entries into guide-avoid findings with the why and the instead', () => {
    const draft = 'No worries, your Ticket ID is 4412.';
    const a = analyze(draft, { guide });
    const avoid = a.findings.filter((f) => f.rule === 'guide-avoid');
    expect(avoid.map((f) => draft.slice(f.start, f.end))).toEqual(['No worries', 'Ticket ID']);
    expect(avoid[0]!.message).toContain('Too casual for banking customers.');
    expect(avoid[0]!.fix).toEqual({ replacement: 'Happy to help', hint: expect.stringContaining('Happy to help') });
    expect(avoid[1]!.fix).toBeUndefined();
  });

  it('skips broken entries, reports them, and still applies the rest', () => {
    const a = analyze('No worries at all.', { guide });
    expect(a.guideErrors).toHaveLength(2);
    expect(a.guideErrors[0]).toMatch(/^avoid\[1\]\.pattern: /);
    expect(a.guideErrors[1]).toMatch(/^avoid\[3\]\.flags: /);
    expect(a.findings.some((f) => f.rule === 'guide-avoid')).toBe(true);
  });

  it('reports guide errors even for an empty draft', () => {
    expect(analyze('', { guide }).guideErrors).toHaveLength(2);
  });

  it('extends the boilerplate lexicon', () => {
    const draft = 'Thanks for being awesome, Sam!';
    expect(analyze(draft).findings.map((f) => f.rule)).not.toContain('boilerplate-phrase');
    expect(analyze(draft, { guide }).findings.map((f) => f.rule)).toContain('boilerplate-phrase');
  });

  it('lets thresholds.canned override the verdict threshold', () => {
    const draft = 'Hi Sam, your refund went out today. Have a great day!';
    const plain = analyze(draft);
    expect(plain.verdict).toBe('ok');
    expect(plain.score).toBeGreaterThanOrEqual(10);
    expect(analyze(draft, { guide: { thresholds: { canned: 10 } } }).verdict).toBe('canned');
    expect(analyze(draft, { guide: { thresholds: { canned: 101 } } }).guideErrors).toEqual(['thresholds.canned: expected a number from 0 to 100']);
  });

  it('reports missing required elements as findings', () => {
    const a = analyze('Hello, I have looked at the line and it is fine.', { guide: { required: ['next-step-time', 'customer-name'] }, customerName: 'Priya Shah' });
    expect(a.findings.filter((f) => f.rule === 'guide-required')).toHaveLength(2);
    const ok = analyze('Hi Priya, the engineer comes tomorrow at 9am.', { guide: { required: ['next-step-time', 'customer-name'] }, customerName: 'Priya Shah' });
    expect(ok.findings.filter((f) => f.rule === 'guide-required')).toEqual([]);
  });

  it('compiles each guide object once', () => {
    expect(compileGuide(guide)).toBe(compileGuide(guide));
    expect(compileGuide({ ...guide })).not.toBe(compileGuide(guide));
  });

  it('survives a pattern that matches the empty string', () => {
    const a = analyze('Hello there Sam.', { guide: { avoid: [{ pattern: 'z*', why: 'empty matches' }] } });
    expect(a.findings.filter((f) => f.rule === 'guide-avoid')).toEqual([]);
  });
});
