import type { Migration } from 'kysely';
import * as foundation from './2026_11_27_0001_foundation.js';
import * as unitIntegrity from './2026_11_27_0002_unit_integrity.js';
import * as auditChain from './2026_11_27_0003_audit_chain.js';
import * as tasks from './2026_11_27_0004_tasks.js';
import * as calendar from './2026_11_27_0005_calendar.js';
import * as taskUnitsSync from './2026_11_27_0006_task_units_sync.js';
import * as files from './2026_11_27_0007_files.js';
import * as plans from './2026_11_27_0008_plans.js';
import * as reporting from './2026_11_27_0009_reporting.js';
import * as closureNotifications from './2026_11_27_0010_closure_notifications.js';
import * as supervision from './2026_11_27_0011_supervision.js';
import * as imports from './2026_11_27_0012_imports.js';
import * as assessment from './2026_11_27_0013_assessment.js';
import * as cockpit from './2026_11_27_0014_cockpit.js';
import * as publicPage from './2026_11_27_0015_public.js';
import * as statusReports from './2026_11_27_0016_status_reports.js';

/**
 * Every migration, by name, in order. A static list (not a folder scan) so the Migrator works the
 * same under tsx, Vitest and compiled JavaScript.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_27_0001_foundation': foundation,
  '2026_11_27_0002_unit_integrity': unitIntegrity,
  '2026_11_27_0003_audit_chain': auditChain,
  '2026_11_27_0004_tasks': tasks,
  '2026_11_27_0005_calendar': calendar,
  '2026_11_27_0006_task_units_sync': taskUnitsSync,
  '2026_11_27_0007_files': files,
  '2026_11_27_0008_plans': plans,
  '2026_11_27_0009_reporting': reporting,
  '2026_11_27_0010_closure_notifications': closureNotifications,
  '2026_11_27_0011_supervision': supervision,
  '2026_11_27_0012_imports': imports,
  '2026_11_27_0013_assessment': assessment,
  '2026_11_27_0014_cockpit': cockpit,
  '2026_11_27_0015_public': publicPage,
  '2026_11_27_0016_status_reports': statusReports,
};
