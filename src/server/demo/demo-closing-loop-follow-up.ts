import { addWorkingDays } from '../../domain/working-days.js';
import { createRecord } from '../accountability/accountability.service.js';
import { listEvidenceCandidates } from '../accountability/accountability-queries.service.js';
import { takeRecordStep } from '../accountability/accountability-steps.service.js';
import { issueBulletin } from '../bulletins/bulletin-issue.service.js';
import { getBulletin } from '../bulletins/bulletin-queries.service.js';
import { createBulletin } from '../bulletins/bulletins.service.js';
import { loadWorkingCalendar } from '../calendar/working-calendar.service.js';
import { answerAdoption, spreadCase } from '../cases/case-adoptions.service.js';
import { changeCaseStatus, createCase } from '../cases/cases.service.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { createRectification } from '../rectifications/rectifications.service.js';
import type { DemoCast } from './demo-actors.js';
import {
  LOOP_ACCOUNTABILITY,
  LOOP_ADOPTIONS,
  LOOP_EXEMPLARY_CASE,
  LOOP_FAILURES,
  LOOP_NEGATIVE_CASE,
  LOOP_RECTIFICATION,
  type LoopCase,
  type LoopTaskIds,
} from './demo-closing-loop-specs.js';

// After the stage period is frozen, the supervision office follows up its findings as users would:
// a rectification item for the farmland unit, the exemplary practice published and spread (units
// answering), the negative example published, the bulletin issued, and an accountability record
// opened by hand against the farmland unit, which gives its statement.

type Deps = { db: Database; config: Config };

interface LoopInput {
  cast: DemoCast;
  unitIds: ReadonlyMap<string, number>;
  ids: LoopTaskIds;
  periodId: number;
  today: string;
}

function unit(unitIds: ReadonlyMap<string, number>, key: string): number {
  const id = unitIds.get(key);
  if (id === undefined) throw new Error(`demo unit ${key} is missing`);
  return id;
}

/** Writes and publishes a case; answers its id and version. */
async function publishCase(
  deps: Deps & { dialect: 'sqlite' | 'postgres' },
  input: LoopInput,
  spec: LoopCase & { kind: 'exemplary' | 'negative'; taskId: number | undefined; unitId: number },
) {
  const { cast, periodId } = input;
  const draft = await createCase(deps, {
    kind: spec.kind,
    title: spec.title,
    summary: spec.summary,
    writeUp: spec.writeUp,
    taskId: spec.taskId ?? null,
    unitId: spec.unitId,
    periodId,
    actor: cast.supervisor,
  });
  return changeCaseStatus(deps, {
    caseId: draft.id,
    action: 'publish',
    version: draft.version,
    actor: cast.supervisor,
  });
}

/** The exemplary practice spread to three units (one adopted, one planned, one not answered yet), and the negative case. */
async function loadCases(deps: Deps, input: LoopInput): Promise<number> {
  const { cast, unitIds, ids } = input;
  const withDialect = { ...deps, dialect: deps.config.database.kind };
  const exemplary = await publishCase(withDialect, input, {
    ...LOOP_EXEMPLARY_CASE,
    kind: 'exemplary',
    taskId: ids.dispatch,
    unitId: unit(unitIds, 'fgw'),
  });
  const spread = await spreadCase(withDialect, {
    caseId: exemplary.id,
    unitIds: LOOP_ADOPTIONS.map((a) => unit(unitIds, a.unit)),
    version: exemplary.version,
    actor: cast.supervisor,
  });
  for (const adoption of LOOP_ADOPTIONS) {
    if (!adoption.answer) continue;
    const unitId = unit(unitIds, adoption.unit);
    const row = spread.adoptions.find((a) => a.unit.id === unitId);
    if (!row) continue;
    await answerAdoption(withDialect, {
      caseId: exemplary.id,
      unitId,
      ...adoption.answer,
      version: row.version,
      actor: await cast.head(adoption.unit),
    });
  }
  await publishCase(withDialect, input, {
    ...LOOP_NEGATIVE_CASE,
    kind: 'negative',
    taskId: ids.farmland,
    unitId: unit(unitIds, 'nyncj'),
  });
  return 2;
}

/** The bulletin of the frozen period, generated from the data and issued; answers its number. */
async function issueStageBulletin(deps: Deps, input: LoopInput): Promise<string> {
  const actor = input.cast.supervisor;
  const bulletinId = await createBulletin(deps, { periodId: input.periodId, actor });
  const draft = await getBulletin(deps, { bulletinId, actor });
  return issueBulletin(deps, { bulletinId, version: draft.version, actor });
}

/**
 * Opens a record by hand against the farmland unit, with the task's urges and notices as evidence;
 * the unit's head gives its statement. The ladder's own proposal on the task, if it made one, is
 * dismissed as merged into it. Answers the record's number.
 */
async function loadAccountability(deps: Deps, input: LoopInput, farmland: number): Promise<string> {
  const { cast, unitIds, today } = input;
  const candidates = await listEvidenceCandidates(deps, { taskId: farmland, actor: cast.supervisor });
  const evidence = candidates
    .filter((c) => c.refType === 'notice' || (c.refType === 'action' && c.label === 'urge'))
    .map((c) => ({
      refType: c.refType,
      refId: c.refId,
      note: c.refType === 'notice' ? '督办通知下发后仍未按期完成' : '逾期后催办',
    }));
  const subjectUnitId = unit(unitIds, 'nyncj');
  const record = await createRecord(deps, {
    type: LOOP_ACCOUNTABILITY.type,
    subjectUnitId,
    taskIds: [farmland],
    evidence,
    proposal: LOOP_ACCOUNTABILITY.proposal,
    statementDue: addWorkingDays(await loadWorkingCalendar(deps.db), today, 5),
    actor: cast.supervisor,
  });
  await takeRecordStep(deps, {
    recordId: record.id,
    version: record.version,
    actor: await cast.head('nyncj'),
    step: { action: 'statement', statement: LOOP_ACCOUNTABILITY.statement },
  });
  const proposed = await deps.db
    .selectFrom('accountability_records')
    .innerJoin('accountability_tasks', 'accountability_tasks.record_id', 'accountability_records.id')
    .select(['accountability_records.id', 'accountability_records.version'])
    .where('accountability_tasks.task_id', '=', farmland)
    .where('accountability_records.status', '=', 'proposed')
    .where('accountability_records.action_id', 'is not', null)
    .execute();
  for (const row of proposed) {
    await takeRecordStep(deps, {
      recordId: row.id,
      version: row.version,
      actor: cast.supervisor,
      step: { action: 'dismiss', reason: LOOP_ACCOUNTABILITY.merged(record.number) },
    });
  }
  return record.number;
}

/** The follow-up of the frozen stage period; answers what it created. */
export async function loadDemoLoopFollowUp(deps: Deps, input: LoopInput) {
  const { cast, unitIds, ids, periodId, today } = input;
  let rectifications = 0;
  const farmland = ids.farmland as number;
  const finding = LOOP_FAILURES.farmland?.explanation ?? LOOP_RECTIFICATION.title;
  await createRectification(deps, {
    title: LOOP_RECTIFICATION.title,
    originType: 'review',
    originTaskId: farmland,
    periodId,
    finding,
    measures: LOOP_RECTIFICATION.measures,
    leadUnitId: unit(unitIds, 'nyncj'),
    deadline: addWorkingDays(await loadWorkingCalendar(deps.db), today, 20),
    actor: cast.supervisor,
  });
  rectifications++;
  const cases = await loadCases(deps, input);
  const bulletin = await issueStageBulletin(deps, input);
  const accountability = await loadAccountability(deps, input, farmland);
  return { rectifications, cases, bulletin, accountability };
}
