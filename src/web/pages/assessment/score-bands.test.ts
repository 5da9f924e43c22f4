import { describe, expect, it } from 'vitest';
import { bandLabel, isInBand, scoreBands } from './score-bands.js';

describe(scoreBands.name, () => {
  it('should give no bands for no scores', () => {
    expect(scoreBands([])).toEqual([]);
  });

  it('should put equal scores in one band of the smallest width', () => {
    expect(scoreBands([100, 100])).toEqual([{ from: 100, to: 100.5, count: 2 }]);
  });

  it('should choose the smallest round width that needs at most the given number of bands', () => {
    const bands = scoreBands([88.5, 93, 97.25, 101, 104], 10);
    expect(bands.map(bandLabel)).toEqual([
      '88–90',
      '90–92',
      '92–94',
      '94–96',
      '96–98',
      '98–100',
      '100–102',
      '102–104',
      '104–106',
    ]);
    expect(bands.map((band) => band.count)).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 1]);
  });

  it('should count every score once, negative ones too', () => {
    const scores = [-3.5, 12, 40, 77.77, 99.99, 100];
    const bands = scoreBands(scores, 6);
    expect(bands.reduce((sum, band) => sum + band.count, 0)).toBe(scores.length);
    expect(bands[0]?.from).toBeLessThanOrEqual(-3.5);
  });
});

describe(isInBand.name, () => {
  it('should include the lower edge and exclude the upper one', () => {
    expect(isInBand(95, { from: 95, to: 100 })).toBe(true);
    expect(isInBand(100, { from: 95, to: 100 })).toBe(false);
  });
});
