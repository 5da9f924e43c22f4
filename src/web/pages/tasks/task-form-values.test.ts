import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  changedTaskFields,
  emptyTaskForm,
  splitPastedTitles,
  toCreateInput,
  toSubtasks,
  toTaskFields,
} from './task-form-values.js';

describe(toTaskFields.name, () => {
  it('should trim, turn empty text into null and drop empty cooperating rows', () => {
    const fields = toTaskFields({
      ...emptyTaskForm(),
      title: ' 优化营商环境 ',
      description: '  ',
      tags: [' 营商 ', '营商', ''],
      cooperatingUnits: [{ unitId: 3, part: ' 负责审批 ' }, { unitId: null }, undefined],
      deadline: dayjs('2026-06-30'),
    });
    expect(fields).toMatchObject({
      title: '优化营商环境',
      description: null,
      tags: ['营商'],
      cooperatingUnits: [{ unitId: 3, part: '负责审批' }],
      deadline: '2026-06-30',
      deadlineWorkingDays: null,
      weight: 1,
    });
  });

  it('should send only the working days when the deadline is relative', () => {
    const fields = toTaskFields({
      ...emptyTaskForm(),
      title: 'x',
      deadlineMode: 'workingDays',
      deadline: dayjs('2026-06-30'),
      deadlineWorkingDays: 10,
    });
    expect(fields.deadline).toBeNull();
    expect(fields.deadlineWorkingDays).toBe(10);
  });
});

describe(toCreateInput.name, () => {
  it('should leave out what was not filled in, so a subtask inherits it', () => {
    const body = toCreateInput(toTaskFields({ ...emptyTaskForm(), title: '子任务' }), 9);
    expect(body).toEqual({
      title: '子任务',
      isKey: false,
      priority: 'normal',
      isPublic: false,
      weight: 1,
      parentId: 9,
    });
  });
});

describe(changedTaskFields.name, () => {
  it('should keep the version and the changed fields only', () => {
    const initial = toTaskFields({ ...emptyTaskForm(), title: 'a', tags: ['x'] });
    const next = toTaskFields({ ...emptyTaskForm(), title: 'b', tags: ['x'], isKey: true });
    expect(changedTaskFields(initial, next, 4)).toEqual({ version: 4, title: 'b', isKey: true });
  });
});

describe(toSubtasks.name, () => {
  it('should skip blank rows and leave out what is inherited', () => {
    expect(
      toSubtasks([
        { title: ' 一 ' },
        { title: '' },
        undefined,
        { title: '二', leadUnitId: 5, deadline: dayjs('2026-05-01') },
      ]),
    ).toEqual([{ title: '一' }, { title: '二', leadUnitId: 5, deadline: '2026-05-01' }]);
  });
});

describe(splitPastedTitles.name, () => {
  it('should split lines and strip list numbering', () => {
    expect(splitPastedTitles('1. 完成立项\n（2）开展招标\r\n\n- 组织验收\n二、不是编号')).toEqual([
      '完成立项',
      '开展招标',
      '组织验收',
      '二、不是编号',
    ]);
  });
});
