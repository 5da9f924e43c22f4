import { describe, expect, it } from 'vitest';
import { notificationLink, notificationTab } from './notification-view.js';

describe(notificationTab.name, () => {
  it('should send each family of notification to its tab', () => {
    expect(notificationTab('plan.returned')).toBe('plan');
    expect(notificationTab('report.missing')).toBe('reports');
    expect(notificationTab('closure.accepted')).toBe('closure');
    expect(notificationTab('task.assigned')).toBeNull();
  });
});

describe(notificationLink.name, () => {
  it('should link to the task on the right tab, and nowhere once the task is out of sight', () => {
    expect(notificationLink({ kind: 'plan.accepted', taskId: 7, taskNumber: 'T-7' })).toBe('/tasks/7?tab=plan');
    expect(notificationLink({ kind: 'task.assigned', taskId: 7, taskNumber: 'T-7' })).toBe('/tasks/7');
    expect(notificationLink({ kind: 'plan.accepted', taskId: 7, taskNumber: undefined })).toBeNull();
    expect(notificationLink({ kind: 'plan.accepted', taskId: null, taskNumber: undefined })).toBeNull();
  });
});
