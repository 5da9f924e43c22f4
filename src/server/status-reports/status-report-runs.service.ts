import { localDate } from '../../domain/dates.js';
import type { ScheduleRun, StatusReportFrequency } from '../../shared/status-reports-api.js';
import { actorFromUser } from '../auth/auth.service.js';
import type { Config } from '../config.js';
import type { Database, Dialect, Executor } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { findOrganisation } from '../documents/organisation.js';
import { recipientLocale } from '../notifications/channel-values.js';
import { findChannelRecipients, insertDeliveries } from '../notifications/deliveries.repository.js';
import type { EmailAttachment } from '../notifications/email.sender.js';
import { renderEmail } from '../notifications/email-content.js';
import { findUserById } from '../users/users.repository.js';
import { generateStatusReport } from './status-report-build.service.js';
import { renderStatusReportFile } from './status-report-document.js';
import { formatsOf, presentRun, recipientIdsOf } from './status-report-schedules.presenter.js';
import { findPeople, insertRunRow, type RunRow, type ScheduleRow } from './status-report-schedules.repository.js';
import { statusReportTexts } from './status-report-texts.js';
import { type ReportWindow, windowForRun } from './status-report-window.js';

// One run of a schedule: the report is generated for the owner's scope over the window the due
// time closes, rendered in the schedule's formats, and an email with the files attached is queued
// in the outbox for each recipient with an address (the delivery job sends it, with retries). The
// run is recorded either way: when, the window, the recipients and how it went.

export interface RunDeps {
  db: Database;
  dialect: Dialect;
  config: Pick<Config, 'timeZone' | 'publicUrl' | 'smtpUrl'>;
}

/** Errors are stored this long at most. */
const ERROR_MAX = 500;

interface Generated {
  items: number;
  subject: string;
  paragraphs: string[];
  attachments: EmailAttachment[];
  link: string;
}

async function generateFiles(deps: RunDeps, row: ScheduleRow, window: ReportWindow, now: Date): Promise<Generated> {
  const owner = await findUserById(deps.db, row.owner_id);
  if (!owner || owner.deactivated_at !== null) throw new Error('the owner is no longer an active user');
  // As the owner themselves, not 'system': the system sees every task, the owner only their scope.
  const actor = actorFromUser(owner, 'token', { ip: null, requestId: null });
  const { locale } = await findOrganisation(deps.db);
  // The schedule's frequency names the report (周报 / 月报) and numbers it.
  const named = await generateStatusReport(deps, {
    sourceId: row.source_id,
    periodId: row.period_id,
    window: window.kind === 'monthly' ? 'monthly' : 'weekly',
    on: window.from,
    locale,
    actor,
    now,
  });
  const today = localDate(now, deps.config.timeZone);
  const attachments: EmailAttachment[] = [];
  for (const format of formatsOf(row)) {
    const file = await renderStatusReportFile(named, { locale, today, format });
    attachments.push({ fileName: file.fileName, contentType: file.contentType, base64: file.bytes.toString('base64') });
  }
  const texts = statusReportTexts(locale);
  const query = row.source_id !== null ? `sourceId=${row.source_id}` : `periodId=${row.period_id}`;
  return {
    items: named.items.length,
    subject: [named.number, named.heading].filter(Boolean).join(' '),
    paragraphs: [named.heading, texts.windowLine(window.from, window.to), texts.figures(named.figures)],
    attachments,
    link: `${deps.config.publicUrl}/status-reports?${query}&window=${window.kind}&on=${window.from}`,
  };
}

async function queueEmails(
  db: Executor,
  config: RunDeps['config'],
  input: { row: ScheduleRow; runId: number; generated: Generated; at: string },
) {
  const { row, runId, generated, at } = input;
  const recipients = await findChannelRecipients(db, recipientIdsOf(row));
  return insertDeliveries(
    db,
    recipients.flatMap((recipient) => {
      if (!recipient.email) return [];
      const locale = recipientLocale(recipient.locale);
      const mail = renderEmail({
        locale,
        subject: generated.subject,
        paragraphs: generated.paragraphs,
        link: { label: generated.subject, url: generated.link },
        preferencesUrl: `${config.publicUrl}/notifications/preferences`,
      });
      return [
        {
          channel: 'email' as const,
          dedupe_key: `status-report:${runId}:${recipient.id}`,
          user_id: recipient.id,
          webhook_id: null,
          notification_id: null,
          target: recipient.email,
          subject: mail.subject,
          payload: JSON.stringify({ text: mail.text, html: mail.html, attachments: generated.attachments }),
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: at,
          created_at: at,
        },
      ];
    }),
  );
}

/**
 * Runs a schedule for one due time (null: "send now") and records the run. A second run for the
 * same due time is refused by the run's unique key and answers null, so a due time is sent once.
 */
export async function runSchedule(
  deps: RunDeps,
  input: { row: ScheduleRow; dueAt: Date | null; runBy: number | null; now?: Date },
): Promise<ScheduleRun | null> {
  const now = input.now ?? new Date();
  const { row } = input;
  const window = windowForRun(row.frequency as StatusReportFrequency, input.dueAt ?? now, deps.config.timeZone);
  const people = await findPeople(deps.db, recipientIdsOf(row));
  const recipients = recipientIdsOf(row).map((id) => {
    const person = people.get(id);
    return { id, name: person?.name ?? `#${id}`, email: person?.email || null };
  });
  let generated: Generated | null = null;
  let error: string | null = deps.config.smtpUrl ? null : 'email is not configured (LUOSHI_SMTP_URL)';
  if (!error) {
    try {
      generated = await generateFiles(deps, row, window, now);
    } catch (failure) {
      error = (failure instanceof Error ? failure.message : String(failure)).slice(0, ERROR_MAX);
    }
  }
  const ranAt = now.toISOString();
  const run: RunRow | null = await inTransaction(deps.db, async (trx) => {
    const inserted = await insertRunRow(trx, {
      schedule_id: row.id,
      due_at: input.dueAt ? input.dueAt.toISOString() : null,
      trigger: input.dueAt ? 'schedule' : 'manual',
      ran_at: ranAt,
      window_from: window.from,
      window_to: window.to,
      items: generated?.items ?? 0,
      recipients: JSON.stringify(recipients),
      outcome: generated ? 'queued' : 'failed',
      error,
      run_by: input.runBy,
    });
    if (!inserted) return null;
    await trx.updateTable('status_report_schedules').set({ last_run_at: ranAt }).where('id', '=', row.id).execute();
    if (generated) await queueEmails(trx, deps.config, { row, runId: inserted.id, generated, at: ranAt });
    return inserted;
  });
  return run ? presentRun(run) : null;
}
