import { describe, expect, it } from 'vitest';
import { FILL_IN_NAMES, type FillInValues, fillInsUsed, fillTemplate, mustParseTemplate, parseTemplate } from './fill-ins';

const values: FillInValues = {
  greeting: 'Dear members of the council,',
  councilName: 'Chernihiv City Council',
  headName: 'the head of the council',
  place: 'Chernihiv',
  partner: 'Gomel',
  partnerCountry: 'Belarus',
  agreement: 'the twinning agreement with Gomel (Belarus)',
  tiesInForce: 'According to public records, the twinning agreement with Gomel (Belarus) is still in force.',
  pledgeReminder: '',
  facts: 'Another council has already ended its tie with Gomel: Kovel.',
  signerName: 'Olena Koval',
  signerCity: 'Zhytomyr',
  personal: '',
};

describe('parseTemplate', () => {
  it('fills every known name with its value', () => {
    const template = mustParseTemplate('{greeting}\n\nTo {councilName}: end {agreement}. {facts}\n{signerName}, {signerCity}');
    expect(fillTemplate(template, values)).toBe(
      'Dear members of the council,\n\nTo Chernihiv City Council: end the twinning agreement with Gomel (Belarus). Another council has already ended its tie with Gomel: Kovel.\nOlena Koval, Zhytomyr',
    );
    expect(fillInsUsed(template)).toEqual(['greeting', 'councilName', 'agreement', 'facts', 'signerName', 'signerCity']);
  });

  it('refuses an unknown name, saying where it is', () => {
    const parsed = parseTemplate('Dear council,\n\nWe ask {councilNmae} to act.');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ code: 'unknown_fill_in', name: 'councilNmae', offset: 22, line: 3, column: 8 });
    expect(parsed.errors[0]!.message).toContain('Line 3, column 8: {councilNmae} is not a fill-in.');
    expect(parsed.errors[0]!.message).toContain('{councilName}');
  });

  it('reports every problem at once', () => {
    const parsed = parseTemplate('{mayor} and {place} and {Partner}\n{ facts }');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => [e.name, e.line, e.column])).toEqual([
      ['mayor', 1, 1],
      ['Partner', 1, 25],
      [' facts ', 2, 1],
    ]);
  });

  it('refuses braces that open or close nothing, and keeps doubled ones as literal braces', () => {
    const unclosed = parseTemplate('Hello {place\nworld');
    expect(unclosed.ok ? [] : unclosed.errors.map((e) => [e.code, e.line, e.column])).toEqual([['unclosed_fill_in', 1, 7]]);
    const stray = parseTemplate('Hello place}');
    expect(stray.ok ? [] : stray.errors.map((e) => [e.code, e.line, e.column])).toEqual([['stray_brace', 1, 12]]);
    expect(fillTemplate(mustParseTemplate('{{place}} is {place}; }}'), values)).toBe('{place} is Chernihiv; }');
  });

  it('never expands a value again: a value is text, whatever it contains', () => {
    const template = mustParseTemplate('{personal}|{signerName}');
    const sneaky = { ...values, personal: 'I quote {facts} and {{place}}', signerName: '{councilName}' };
    expect(fillTemplate(template, sneaky)).toBe('I quote {facts} and {{place}}|{councilName}');
  });

  it('knows exactly the fill-ins the letters are written with', () => {
    expect([...FILL_IN_NAMES].sort()).toEqual(
      ['agreement', 'councilName', 'facts', 'greeting', 'headName', 'partner', 'partnerCountry', 'personal', 'place', 'pledgeReminder', 'signerCity', 'signerName', 'tiesInForce'].sort(),
    );
    expect(() => mustParseTemplate('{nope}')).toThrow(/\{nope\} is not a fill-in/);
  });
});
