import { describe, expect, it } from 'vitest';
import { diffGuides, parseGuide, type Guide } from '@/lib/guide';
import { minimalGuide, readFixture } from './helpers';

function guide(json: unknown): Guide {
  const r = parseGuide(json);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.guide;
}

const sample = () => readFixture('sample-team-guide.json') as Record<string, unknown> & { avoid: Array<Record<string, unknown>> };

describe('diffGuides', () => {
  it('finds no changes between a guide and itself, or a reordered copy', () => {
    const g = guide(sample());
    expect(diffGuides(g, g)).toEqual([]);
    const reordered = { ...g, avoid: [...g.avoid].reverse(), prefer: [...g.prefer].reverse() };
    expect(diffGuides(g, reordered)).toEqual([]);
  });

  it('lists added, removed and changed avoid rules', () => {
    const before = guide(minimalGuide({ avoid: [{ phrase: 'calm down', why: 'Dismissive.' }, { pattern: 'per (?:our|my) policy', flags: 'i', why: 'Cold.' }] }));
    const after = guide(
      minimalGuide({
        avoid: [
          { phrase: 'Calm down', why: 'Dismissive and rude.', instead: 'I hear you.' },
          { phrase: 'no worries', why: 'Too casual for complaints.' },
        ],
      }),
    );
    expect(diffGuides(before, after).map(({ kind, area, key, summary }) => ({ kind, area, key, summary }))).toEqual([
      { kind: 'changed', area: 'avoid', key: 'phrase:calm down', summary: 'Avoided "Calm down": phrase, why, instead changed' },
      { kind: 'removed', area: 'avoid', key: 'pattern:/per (?:our|my) policy/i', summary: 'No longer avoided: /per (?:our|my) policy/i' },
      { kind: 'added', area: 'avoid', key: 'phrase:no worries', summary: 'Now avoided: "no worries" (Too casual for complaints.)' },
    ]);
  });

  it('describes prefer, ban, required, boilerplate and threshold changes', () => {
    const before = guide(
      minimalGuide({
        prefer: [
          { kind: 'apology', text: "I'm sorry about the wait." },
          { kind: 'thanks', category: 'billing', text: 'Thanks for checking.' },
        ],
        thresholds: { canned: 60, hold: 90 },
        required: ['customer-name'],
        boilerplate: ['Kind regards'],
      }),
    );
    const after = guide(
      minimalGuide({
        prefer: [
          { kind: 'apology', text: "I'm sorry about the wait.", mode: 'replace' },
          { kind: 'next-step', category: 'outage', mood: 'angry', text: "I'll call you by 5pm." },
        ],
        ban: [{ phrase: 'Thanks for your patience', category: 'outage' }],
        thresholds: { canned: 70 },
        required: ['next-step-time'],
      }),
    );
    // Areas come out in a fixed order (avoid, boilerplate, prefer, ban, required, thresholds, …).
    expect(diffGuides(before, after).map((c) => c.summary)).toEqual([
      'Stock phrase removed: "Kind regards"',
      `Preferred apology "I'm sorry about the wait.": mode add → replace`,
      'Preferred thanks removed (billing): "Thanks for checking."',
      `Preferred next-step added (outage, angry): "I'll call you by 5pm."`,
      'Banned (outage): "Thanks for your patience"',
      "Replies no longer need the customer's name",
      'Replies must now include a time for the next step',
      'Canned-reply threshold: 60 → 70',
      "Pre-send hold threshold removed (Rapport's default applies)",
    ]);
  });

  it('does not report an explicit default mode as a change', () => {
    const before = guide(minimalGuide({ prefer: [{ kind: 'apology', text: 'Sorry.' }] }));
    const after = guide(minimalGuide({ prefer: [{ kind: 'apology', text: 'Sorry.', mode: 'add' }] }));
    expect(diffGuides(before, after)).toEqual([]);
  });

  it('reports escalations, sites and generic adapters by id', () => {
    const g = guide(sample());
    const next: Guide = {
      ...g,
      name: 'Northwind Mobile – Tier 1',
      escalations: [
        { ...g.escalations![0]!, when: { contactsAtLeast: 2 } },
        ...g.escalations!.slice(2),
        { id: 'outage-vip', when: { categories: ['outage'], moods: ['angry'] }, message: 'Flag to the incident channel.' },
      ],
      sites: { gmail: { enabled: true }, zendesk: { enabled: true } },
      generic: [{ ...g.generic![0]!, editor: '#composer' }],
    };
    const changes = diffGuides(g, next);
    expect(changes.map((c) => c.summary)).toEqual([
      'Name changed: "Northwind Mobile – Tier 1 Support" → "Northwind Mobile – Tier 1"',
      'Escalation "repeat-contact": conditions changed (now when 2+ contacts)',
      'Escalation "missed-promise-angry" removed',
      'Escalation "outage-vip" added: when mood angry, category outage, "Flag to the incident channel."',
      'Site "gmail": off → on',
      'Site "nw-care" no longer set by the guide',
      'Generic adapter "nw-care": editor changed',
    ]);
    expect(changes.find((c) => c.area === 'sites' && c.kind === 'changed')).toMatchObject({
      key: 'gmail',
      before: { enabled: false },
      after: { enabled: true },
    });
  });
});
