import { describe, expect, it } from 'vitest';
import type { TaskEvent } from '../../../shared/task-api.js';
import { TASK_ACTIONS } from '../../../shared/tasks.js';
import { en } from '../../i18n/en.js';
import { zhCN } from '../../i18n/zh-CN.js';
import { zhTW } from '../../i18n/zh-TW.js';
import {
  countByKind,
  isTimelineAction,
  TIMELINE_ACTIONS,
  type TimelineAction,
  timelineActionKey,
  timelineEntries,
  timelineKind,
} from './timeline-events.js';

function event(id: number, action: string, at: string): TaskEvent {
  return { id, action, at, actor: null, fromStatus: null, toStatus: null, reason: null, detail: null };
}

const events = [
  event(1, 'create', '2026-01-05T01:00:00.000Z'),
  event(2, 'assign', '2026-01-06T01:00:00.000Z'),
  event(4, 'file_uploaded', '2026-02-03T01:00:00.000Z'),
  event(3, 'plan_accepted', '2026-01-20T01:00:00.000Z'),
  event(5, 'report_submitted', '2026-02-03T01:00:00.000Z'),
  event(6, 'closure.submit', '2026-06-01T01:00:00.000Z'),
];

describe('TIMELINE_ACTIONS', () => {
  it('should know every status action of a task', () => {
    for (const action of TASK_ACTIONS) expect([action, isTimelineAction(action)]).toEqual([action, true]);
  });

  it('should have words for every entry in each language', () => {
    for (const action of Object.keys(TIMELINE_ACTIONS) as TimelineAction[]) {
      const key = timelineActionKey(action);
      for (const messages of [zhCN, zhTW, en])
        expect([action, typeof messages.timeline.actions[key]]).toEqual([action, 'string']);
    }
  });
});

describe('timelineActionKey', () => {
  it('should turn the dotted closure steps into message keys', () => {
    expect(timelineActionKey('closure.accept')).toBe('closure_accept');
    expect(timelineActionKey('report_returned')).toBe('report_returned');
  });
});

describe('timelineEntries', () => {
  it('should put entries in time order, the earlier id first at the same instant', () => {
    expect(timelineEntries(events, { newestFirst: false }).map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(timelineEntries(events, { newestFirst: true }).map((e) => e.id)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('should keep only the chosen kinds', () => {
    const chosen = timelineEntries(events, { kinds: ['plan', 'report'], newestFirst: false });
    expect(chosen.map((e) => e.action)).toEqual(['plan_accepted', 'report_submitted']);
  });
});

describe('timelineKind', () => {
  it('should count names it does not know as task changes', () => {
    expect(timelineKind('something_new')).toBe('task');
    expect(countByKind(events)).toEqual({
      status: 1,
      plan: 1,
      report: 1,
      file: 1,
      closure: 1,
      supervision: 0,
      task: 1,
    });
  });

  it('should file the ladder, urges, notices, extensions, coordination and instructions under supervision', () => {
    for (const action of [
      'ladder_urge',
      'urged',
      'notice_issued',
      'extension_approved',
      'coordination_escalated',
      'instruction_issued',
    ]) {
      expect(timelineKind(action)).toBe('supervision');
    }
  });
});
