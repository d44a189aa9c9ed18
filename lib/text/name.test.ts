import { describe, expect, it } from 'vitest';
import { hasControlCharacter, nameInput, optionalNameInput } from './name';

describe('names', () => {
  it('keeps names in any script, with their spaces made single', () => {
    expect(nameInput(200).parse('  Олена   Коваль ')).toBe('Олена Коваль');
    expect(nameInput(200).parse('Zoë d’Arc-Łukasz')).toBe('Zoë d’Arc-Łukasz');
    expect(optionalNameInput(200).parse('')).toBeNull();
    expect(optionalNameInput(200).parse(undefined)).toBeNull();
    expect(optionalNameInput(200).parse(' Lviv ')).toBe('Lviv');
  });

  it('refuses control characters rather than cleaning them', () => {
    for (const bad of ['Olena\nBcc: x@example.org', 'a\tb', 'nul\u0000', 'esc\u001b[31m', 'c1\u0085', 'ls\u2028', 'Kyiv\u202eviyK', 'iso\u2066late', 'del\u007f']) {
      expect(hasControlCharacter(bad), JSON.stringify(bad)).toBe(true);
      expect(nameInput(200).safeParse(bad).success, JSON.stringify(bad)).toBe(false);
      expect(optionalNameInput(200).safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    // A zero-width joiner is part of some scripts' spelling: no control.
    expect(hasControlCharacter('क्‍ष')).toBe(false);
  });

  it('refuses what is too long or empty where a name is required', () => {
    expect(nameInput(5).safeParse('Olenka').success).toBe(false);
    expect(nameInput(5).safeParse('   ').success).toBe(false);
  });
});
