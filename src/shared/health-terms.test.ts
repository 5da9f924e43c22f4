import { describe, expect, it } from 'vitest';
import type { HealthReason } from '../domain/task-health.js';
import { healthReasonText, lightName } from './health-terms.js';

describe(healthReasonText.name, () => {
  it('should say each reason in the three languages with its numbers', () => {
    const overdue: HealthReason = { code: 'overdue', severity: 'red', workingDays: 3 };
    expect(healthReasonText(overdue, 'zh-CN')).toBe('逾期 3 个工作日');
    expect(healthReasonText(overdue, 'zh-TW')).toBe('逾期 3 個工作日');
    expect(healthReasonText(overdue, 'en')).toBe('3 working days overdue');
    const behind: HealthReason = {
      code: 'behind_trajectory',
      severity: 'amber',
      points: 18,
      expected: 60,
      workingDaysLeft: 4,
    };
    expect(healthReasonText(behind, 'zh-CN')).toBe('进度落后序时进度 18 个百分点，距期限 4 个工作日');
  });

  it('should have words for every reason code and light in every language', () => {
    const reasons: HealthReason[] = [
      { code: 'overdue', severity: 'red', workingDays: 1 },
      { code: 'report_missing', severity: 'amber', workingDays: 2, periodEnd: '2026-10-31' },
      { code: 'behind_plan', severity: 'red', points: 35, expected: 70 },
      { code: 'behind_trajectory', severity: 'amber', points: 5, expected: 50, workingDaysLeft: 3 },
      { code: 'stalled', severity: 'amber', since: null },
      { code: 'forecast_late', severity: 'amber', forecast: '2027-01-15', workingDaysLate: 10 },
      { code: 'unacknowledged', severity: 'amber', workingDays: 3 },
    ];
    for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
      for (const reason of reasons) expect(healthReasonText(reason, locale).length, reason.code).toBeGreaterThan(2);
      expect(new Set(['green', 'amber', 'red'].map((l) => lightName(l as 'green', locale))).size).toBe(3);
    }
  });
});
