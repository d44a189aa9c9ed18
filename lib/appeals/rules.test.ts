import { afterEach, describe, expect, it } from 'vitest';
import { composeDigest, digestJobId } from './digest';
import { appealRules, nextDigestAt, utcDayStart, waitInWords } from './rules';
import { sendingPhrases } from './sending-phrases';
import { setRulesEnv } from './test-appeals';

describe('the appeal rules', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('has the issue’s defaults, and takes every number from the environment', () => {
    restore = setRulesEnv({ APPEAL_MIN_SECONDS_BETWEEN: undefined, APPEAL_LIMIT_PER_HOUR: undefined, APPEAL_LIMIT_PER_DAY: undefined, COUNCIL_DAILY_CAP: undefined, APPEALS_BEFORE_TRUST: undefined });
    const defaults = appealRules();
    expect(defaults.ladder.map((r) => [r.bucket, r.max, r.windowSeconds])).toEqual([
      ['appeal_burst', 1, 2],
      ['appeal_hour', 6, 3600],
      ['appeal_day', 20, 86400],
    ]);
    expect(defaults).toMatchObject({ oncePerCouncilDays: 30, councilDailyCap: 10, appealsBeforeTrust: 1 });
    restore();
    restore = setRulesEnv({ APPEAL_MIN_SECONDS_BETWEEN: '5', APPEAL_LIMIT_PER_HOUR: '3', APPEAL_LIMIT_PER_DAY: '9', COUNCIL_DAILY_CAP: '4', APPEALS_BEFORE_TRUST: '2' });
    const configured = appealRules();
    expect(configured.ladder.map((r) => [r.max, r.windowSeconds])).toEqual([
      [1, 5],
      [3, 3600],
      [9, 86400],
    ]);
    expect(configured).toMatchObject({ councilDailyCap: 4, appealsBeforeTrust: 2 });
  });

  it('puts the digest at 18:00 UTC, today until then and tomorrow after', () => {
    expect(utcDayStart(new Date('2030-06-01T17:59:59Z'))).toEqual(new Date('2030-06-01T00:00:00Z'));
    expect(nextDigestAt(new Date('2030-06-01T09:00:00Z'))).toEqual(new Date('2030-06-01T18:00:00Z'));
    expect(nextDigestAt(new Date('2030-06-01T18:00:00Z'))).toEqual(new Date('2030-06-02T18:00:00Z'));
    expect(nextDigestAt(new Date('2030-12-31T23:00:00Z'))).toEqual(new Date('2031-01-01T18:00:00Z'));
  });

  it('gives each digest time one job id, shaped as a UUID', () => {
    const at = new Date('2030-06-01T18:00:00Z');
    expect(digestJobId(at)).toBe(digestJobId(new Date(at)));
    expect(digestJobId(at)).not.toBe(digestJobId(new Date('2030-06-02T18:00:00Z')));
    expect(digestJobId(at)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('says a wait in words a person reads at a glance', () => {
    expect(waitInWords(1)).toBe('1 second');
    expect(waitInWords(45)).toBe('45 seconds');
    expect(waitInWords(3540)).toBe('59 minutes');
    expect(waitInWords(73200)).toBe('21 hours');
  });
});

describe('the daily digest’s words', () => {
  const letter = (i: number) => ({ subject: `Тема ${i}`, body: `Шановні депутати!\n\nЛист ${i}.`, signerName: `Автор ${i}`, signerCity: i === 2 ? null : 'Львів', authorEmail: `a${i}@example.org` });

  it('counts the letters in each language’s own plural', () => {
    expect([1, 2, 5, 21, 22].map((n) => sendingPhrases('uk').digestSubject(n))).toEqual([
      'Сьогодні вам написав 1 мешканець',
      'Сьогодні вам написали 2 мешканці',
      'Сьогодні вам написали 5 мешканців',
      'Сьогодні вам написав 21 мешканець',
      'Сьогодні вам написали 22 мешканці',
    ]);
    expect([1, 3, 5].map((n) => sendingPhrases('pl').digestSubject(n))).toEqual([
      'Dziś napisał do Państwa 1 mieszkaniec',
      'Dziś napisali do Państwa 3 mieszkańcy',
      'Dziś napisało do Państwa 5 mieszkańców',
    ]);
    expect(sendingPhrases('en').digestSubject(4)).toBe('4 residents wrote to you today');
    expect(sendingPhrases('de').digestSubject(4)).toBe('Heute haben Ihnen 4 Einwohnerinnen und Einwohner geschrieben');
    // A council language the app has no words in: English.
    expect(sendingPhrases('fr').digestSubject(1)).toBe('One resident wrote to you today');
  });

  it('keeps every letter whole, in order, each with its writer and where to answer them', () => {
    const { subject, body } = composeDigest('en', [letter(1), letter(2)]);
    expect(subject).toBe('2 residents wrote to you today');
    const paragraphs = body.split('\n\n');
    expect(paragraphs[0]).toMatch(/^2 residents have written to the council today/);
    expect(paragraphs.slice(1)).toEqual([
      '— Letter 1 of 2 —\nFrom: Автор 1, Львів <a1@example.org>\nSubject: Тема 1',
      'Шановні депутати!',
      'Лист 1.',
      '— Letter 2 of 2 —\nFrom: Автор 2 <a2@example.org>\nSubject: Тема 2',
      'Шановні депутати!',
      'Лист 2.',
    ]);
  });
});
