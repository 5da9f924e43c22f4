import type { Actor } from '../auth/actor.js';
import type { Executor } from '../db/connect.js';
import { notify } from '../notifications/notifications.service.js';
import type { RecordRow } from './accountability.repository.js';

// Who hears of a record's steps: the subject (the person named; the head of the unit named) when
// it is opened and when it is decided, the supervision office (and whoever opened it) when the
// subject answers. No task rides along: the notification links to the record, which checks access.

const about = (row: RecordRow) => ({ taskId: null, subjectType: 'accountability', subjectId: row.id });

/** The subject's addressees, for `notify`. */
function subjectAddressees(row: RecordRow) {
  return {
    userIds: row.subject_user_id === null ? [] : [row.subject_user_id],
    unitIds: row.subject_unit_id === null ? [] : [row.subject_unit_id],
    roles: row.subject_unit_id === null ? [] : (['unit_head'] as const),
  };
}

/** The subject is asked for a statement by `statement_due`. */
export async function notifyOpened(trx: Executor, row: RecordRow, actor: Actor | null): Promise<void> {
  await notify(trx, {
    ...about(row),
    ...subjectAddressees(row),
    kind: 'accountability.opened',
    params: { number: row.number, dueDate: row.statement_due },
    actor,
  });
}

/** The supervision office hears the subject has answered. */
export async function notifyStatement(trx: Executor, row: RecordRow, actor: Actor): Promise<void> {
  await notify(trx, {
    ...about(row),
    roles: ['supervisor'],
    userIds: row.opened_by === null ? [] : [row.opened_by],
    kind: 'accountability.statement',
    params: { number: row.number },
    actor,
  });
}

/** The subject hears the decision has been made. */
export async function notifyDecided(trx: Executor, row: RecordRow, actor: Actor): Promise<void> {
  await notify(trx, {
    ...about(row),
    ...subjectAddressees(row),
    kind: 'accountability.decided',
    params: { number: row.number },
    actor,
  });
}
