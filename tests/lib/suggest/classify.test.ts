import { describe, expect, it } from 'vitest';
import { classify, detectLanguage, toSecondPerson } from '@/lib/suggest/classify';
import { capText, splitSentences } from '@/lib/suggest/classify/text';

const situation = (m: string) => classify(m).situation;

describe('category and mood', () => {
  it.each([
    ["Great, third time I'm writing. Fantastic service.", 'complaint', 'frustrated'],
    ['Oh brilliant, my bill is wrong AGAIN. Love it.', 'billing', 'frustrated'],
    ['Thanks a lot for charging me twice. Really appreciate it.', 'billing', 'frustrated'],
  ])('reads sarcasm as frustration, never gratitude: %s', (message, category, mood) => {
    expect(situation(message)).toMatchObject({ category, mood });
  });

  it('reads a grateful customer mentioning an old, fixed problem as praise', () => {
    expect(situation('After all the trouble with my bill last month, I wanted to say thanks for sorting it so quickly.')).toMatchObject({
      category: 'praise',
      mood: 'grateful',
    });
  });

  it('reads a polite leaver as leaving, not grateful', () => {
    expect(situation('Thanks for everything over the years, but I am moving abroad and need to cancel my contract. Could you send my PAC code?')).toMatchObject({
      category: 'cancellation',
      mood: 'leaving',
    });
  });

  it('reads a threat to leave as an unhappy customer who has not left', () => {
    const s = situation('If the router is not replaced by Friday I will cancel my contract. It has been dropping out for two weeks.');
    expect(s.mood).not.toBe('leaving');
    expect(s.category).toBe('technical');
  });

  it('tells cancelling one order apart from leaving', () => {
    expect(situation('Please cancel order 77120, I ordered the wrong colour.')).toMatchObject({ category: 'cancellation', mood: 'neutral' });
  });

  it('answers a how-to question about a topic, but not a complaint phrased as a question', () => {
    expect(situation('How do I change my Wi-Fi password?').category).toBe('how-to');
    expect(situation('Can I pay my bill by bank transfer?').category).toBe('how-to');
    expect(situation('Why have you charged me twice for March?').category).toBe('billing');
  });

  it('understands non-native English', () => {
    expect(situation('Hello, how I can see my bills from before? I need for my visa.').category).toBe('how-to');
    expect(situation('Hello, I want finish my contract because I go back to my country.').mood).toBe('leaving');
    expect(situation('Is third time I call you!! Nobody help me, the internet is not working since one week. Very bad service!!')).toMatchObject({
      category: 'outage',
      mood: 'angry',
    });
  });

  it('picks the issue that carries the trouble when a message raises two', () => {
    const s = situation('My account has been locked for a week and every time I call I get passed around. I need to pay my bill and I cannot.');
    expect(s.category).toBe('account');
    expect(s.issue.summary).toContain('locked');
  });

  it('reads worry from vulnerability and fraud, anger from shouting and threats', () => {
    expect(situation("There's a payment of £89.99 I don't recognise. I'm worried someone got into my account.").mood).toBe('worried');
    expect(situation('Power cut again and my mum is on oxygen at home.').mood).toBe('worried');
    expect(situation('This is DISGUSTING. I will be reporting you to the ombudsman.').mood).toBe('angry');
  });
});

describe('issue extraction', () => {
  it('keeps the customer’s own words and pulls out amounts and dates', () => {
    const s = situation('I was charged twice for March: £42.50 went out on the 3rd and again on the 5th.');
    expect(s.issue.summary).toContain('charged twice for March');
    expect(s.issue.amounts).toEqual(['£42.50']);
    expect(s.issue.dates).toEqual(['the 3rd', 'the 5th']);
  });

  it('finds what was promised and when', () => {
    const s = situation('Your technician was supposed to call by 8pm on Wednesday and never did.');
    expect(s.issue.promised).toContain('supposed to call by 8pm on Wednesday');
    expect(s.issue.dates).toEqual(expect.arrayContaining(['8pm', 'Wednesday']));
  });

  it('names products the customer mentions', () => {
    expect(situation('My router keeps dropping the wifi.').issue.products).toEqual(expect.arrayContaining(['router']));
  });

  it('handles an empty message', () => {
    const c = classify('');
    expect(c.situation.issue).toEqual({ summary: '', amounts: [], dates: [] });
    expect(c.notes.join(' ')).toMatch(/empty/);
  });
});

describe('language', () => {
  it.each([
    ['Hola, mi internet no funciona desde el lunes. Necesito ayuda por favor.'],
    ["Bonjour, je n'ai plus d'internet depuis samedi, toute la rue est en panne."],
    ['Hallo, mein Router zeigt seit gestern ein rotes Licht und das Internet funktioniert nicht.'],
    ['Здравствуйте, у меня не работает интернет уже третий день.'],
  ])('detects another language: %s', (m) => {
    expect(detectLanguage(m.toLowerCase()).language).toBe('other');
  });

  it('keeps non-native English as English', () => {
    expect(detectLanguage('sorry my english. the router light is red and internet not work good, i try restart but same.').language).toBe('en');
    expect(detectLanguage('ok').language).toBe('en');
  });
});

describe('toSecondPerson', () => {
  it.each([
    ['my router keeps dropping', 'your router keeps dropping'],
    // A sentence-initial "I" becomes a capitalised "You"; callers lower-case it where it joins a sentence.
    ['I was charged twice', 'You were charged twice'],
    ['you charged me twice', 'we charged you twice'],
    ['I have told you three times', 'You have told us three times'],
    ['this is how you treat me', 'this is how we treat you'],
    ["I'm on hold and nobody answers my calls", "You're on hold and nobody answers your calls"],
  ])('%s → %s', (from, to) => {
    expect(toSecondPerson(from)).toBe(to);
  });
});

describe('text helpers', () => {
  it('does not split sentences inside amounts or times', () => {
    expect(splitSentences('I paid £42.50 at 8.30pm. Then nothing.').map((s) => s.text)).toEqual(['I paid £42.50 at 8.30pm.', 'Then nothing.']);
  });

  it('caps long input without splitting a surrogate pair', () => {
    const text = `${'a'.repeat(4999)}😀tail`;
    const { text: capped, capped: was } = capText(text, 5000);
    expect(was).toBe(true);
    expect(capped.length).toBeLessThanOrEqual(5000);
    expect(/[\ud800-\udbff]$/.test(capped)).toBe(false);
  });
});
