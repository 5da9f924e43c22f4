import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, pickLocale } from './locales.js';

describe(pickLocale.name, () => {
  it.each(['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW', 'zh-hant-hk', 'ZH-tw'])(
    'should map %s to zh-TW',
    (header) => {
      expect(pickLocale(header)).toBe('zh-TW');
    },
  );

  it.each(['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'zh-SG'])('should map %s to zh-CN', (header) => {
    expect(pickLocale(header)).toBe('zh-CN');
  });

  it.each(['en', 'en-US', 'en-GB', 'EN-au'])('should map %s to en', (header) => {
    expect(pickLocale(header)).toBe('en');
  });

  it('should follow q-weights rather than the order of the header', () => {
    expect(pickLocale('en;q=0.5, zh-TW;q=0.9')).toBe('zh-TW');
    expect(pickLocale('zh-CN;q=0.3, en-US;q=0.8, zh-TW;q=0.1')).toBe('en');
  });

  it('should keep header order between equal weights', () => {
    expect(pickLocale('en, zh-TW')).toBe('en');
    expect(pickLocale('zh-TW;q=0.8, en;q=0.8')).toBe('zh-TW');
  });

  it('should skip languages it does not speak and take the next supported one', () => {
    expect(pickLocale('fr-FR, de;q=0.9, zh-Hant;q=0.8, en;q=0.7')).toBe('zh-TW');
  });

  it('should ignore entries with weight 0 or an unreadable weight', () => {
    expect(pickLocale('en;q=0, zh-TW;q=0.2')).toBe('zh-TW');
    expect(pickLocale('en;q=abc, zh-TW;q=0.2')).toBe('zh-TW');
  });

  it.each([undefined, null, '', '*', 'fr', 'garbage;;;,,,', ';q=1', 'q=0.5', ',,,'])(
    'should fall back to zh-CN for %j',
    (header) => {
      expect(pickLocale(header)).toBe(DEFAULT_LOCALE);
      expect(DEFAULT_LOCALE).toBe('zh-CN');
    },
  );
});
