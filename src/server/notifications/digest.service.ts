import { randomUUID } from 'node:crypto';
import { localDate } from '../../domain/dates.js';
import { KIND_GROUPS, type KindGroup, kindGroup } from '../../shared/channels-api.js';
import type { Locale } from '../../shared/locales.js';
import { type NotificationKind, notificationText } from '../../shared/notifications-api.js';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { AppError } from '../errors.js';
import { advanceJob, claimJob, completeJob } from '../jobs/job-runs.repository.js';
import { findUnitRows } from '../units/units.repository.js';
import { findUserById } from '../users/users.repository.js';
import { CHANNEL_TEXTS, fillText } from './channel-texts.js';
import { isLocale } from './channel-values.js';
import { insertDeliveries, type NewDeliveryRow } from './deliveries.repository.js';
import {
  countLights,
  type DigestNotificationRow,
  type DigestScope,
  listDigestCandidates,
  listUnreadBetween,
} from './digest.repository.js';
import { emailSubject, renderEmail } from './email-content.js';
import { previousDay, startOfLocalDay } from './local-time.js';
import { findPrefsRow } from './prefs.repository.js';

type DigestConfig = Pick<Config, 'timeZone' | 'defaultLocale' | 'publicUrl'>;

/** Notifications listed per group; the rest are counted. */
const ITEMS_PER_GROUP = 5;
/** Notifications read for one digest (the total is counted apart). */
const MAX_ITEMS = 200;

/** One person's digest for a day, ready to email. */
export interface Digest {
  userId: number;
  day: string;
  locale: Locale;
  subject: string;
  text: string;
  html: string;
  unreadCount: number;
  red: number;
  amber: number;
  groups: Array<{ group: KindGroup; count: number }>;
  /** No unread notification and no red or amber task: nothing is sent. */
  isEmpty: boolean;
}

/** The tasks whose lights a person's digest counts (see DOMAIN.md: who sees what). */
async function scopeOf(db: Database, userId: number): Promise<DigestScope> {
  const user = await findUserById(db, userId);
  if (!user) return { all: false, unitId: null, paths: [] };
  const roles = new Set(user.roles);
  if (roles.has('supervisor')) return { all: true };
  const isMember = roles.has('unit_head') || roles.has('unit_staff');
  const paths = roles.has('leader') ? (await findUnitRows(db, user.unitsInCharge)).map((unit) => unit.path) : [];
  return { all: false, unitId: isMember ? user.unit_id : null, paths };
}

function groupTitle(locale: Locale, group: KindGroup, count: number): string {
  const name = CHANNEL_TEXTS[locale].groups[group];
  return locale === 'en' ? `${name} (${count})` : `${name}（${count}）`;
}

function itemText(locale: Locale, row: DigestNotificationRow): string {
  const params = Object.fromEntries(parseParams(row.params));
  const task =
    row.task_number !== null && row.task_title !== null
      ? { number: row.task_number, title: row.task_title }
      : undefined;
  return notificationText(locale, { kind: row.kind as NotificationKind, params, ...(task ? { task } : {}) });
}

function parseParams(json: string): Array<[string, unknown]> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value) : [];
  } catch {
    return [];
  }
}

/**
 * A person's digest for `day` (the morning it is sent), in their language: the notifications of
 * the day before still unread, grouped by what they are about, and how many tasks in their scope
 * are red or amber now.
 */
export async function buildDigest(db: Database, userId: number, day: string, config: DigestConfig): Promise<Digest> {
  const since = previousDay(day);
  const [prefs, unread, lights] = await Promise.all([
    findPrefsRow(db, userId),
    listUnreadBetween(db, {
      userId,
      from: startOfLocalDay(since, config.timeZone).toISOString(),
      to: startOfLocalDay(day, config.timeZone).toISOString(),
      limit: MAX_ITEMS,
    }),
    scopeOf(db, userId).then((scope) => countLights(db, scope)),
  ]);
  const locale = prefs && isLocale(prefs.locale) ? prefs.locale : config.defaultLocale;
  const texts = CHANNEL_TEXTS[locale];
  const byGroup = new Map<KindGroup, DigestNotificationRow[]>();
  for (const row of unread.rows) {
    const group = kindGroup(row.kind as NotificationKind);
    if (group) byGroup.set(group, [...(byGroup.get(group) ?? []), row]);
  }
  const groups = KIND_GROUPS.flatMap((group) => {
    const rows = byGroup.get(group);
    return rows ? [{ group, rows }] : [];
  });
  const paragraphs = [
    fillText(unread.total > 0 ? texts.digestUnread : texts.digestNoUnread, { day: since, count: unread.total }),
    ...groups.map(({ group, rows }) =>
      [
        groupTitle(locale, group, rows.length),
        ...rows.slice(0, ITEMS_PER_GROUP).map((row) => `· ${itemText(locale, row)}`),
        ...(rows.length > ITEMS_PER_GROUP
          ? [fillText(texts.digestMore, { count: rows.length - ITEMS_PER_GROUP })]
          : []),
      ].join('\n'),
    ),
    fillText(texts.digestHealth, lights),
  ];
  const subject = emailSubject(locale, fillText(texts.digestSubject, { day }));
  const mail = renderEmail({
    locale,
    subject,
    paragraphs,
    link: { label: texts.openInbox, url: `${config.publicUrl}/notifications` },
    preferencesUrl: `${config.publicUrl}/notifications/preferences`,
  });
  return {
    userId,
    day,
    locale,
    subject,
    text: mail.text,
    html: mail.html,
    unreadCount: unread.total,
    red: lights.red,
    amber: lights.amber,
    groups: groups.map(({ group, rows }) => ({ group, count: rows.length })),
    isEmpty: unread.total === 0 && lights.red === 0 && lights.amber === 0,
  };
}

/** The caller's own digest as it would be emailed today (in-app preview). */
export function previewMyDigest(
  db: Database,
  input: { actor: Actor; day: string; config: DigestConfig },
): Promise<Digest> {
  if (input.actor.userId === null) throw new AppError('forbidden');
  return buildDigest(db, input.actor.userId, input.day, input.config);
}

const JOB = 'digest';
const PAGE = 100;
const LEASE_MS = 10 * 60_000;

/** The local hour of an instant in a time zone (0–23). */
function localHour(at: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(at);
  return Number.parseInt(hour, 10);
}

/**
 * Queues today's digests once the configured hour has come: for every active person with an
 * address and the digest on who has something to read. Exactly once per person and day however
 * many nodes run it (the dedupe key `digest:<userId>:<day>`); the job lease only spares the work,
 * and an interrupted run resumes after the last person done.
 */
export async function queueDailyDigests(
  deps: { db: Database; config: DigestConfig & Pick<Config, 'smtpUrl' | 'digestHour'> },
  options: { now?: Date; owner?: string } = {},
): Promise<{ day: string; queued: number } | null> {
  const { db, config } = deps;
  const now = options.now ?? new Date();
  if (!config.smtpUrl || localHour(now, config.timeZone) < config.digestHour) return null;
  const day = localDate(now, config.timeZone);
  const owner = options.owner ?? randomUUID();
  const lease = () => new Date(now.getTime() + LEASE_MS).toISOString();
  const claim = await claimJob(db, { name: JOB, owner, day, now: now.toISOString(), until: lease() });
  if (!claim) return null;
  let afterId = claim.cursor?.startsWith(`${day}:`) ? Number(claim.cursor.slice(day.length + 1)) || 0 : 0;
  let queued = 0;
  for (;;) {
    const candidates = await listDigestCandidates(db, { afterId, limit: PAGE });
    if (candidates.length === 0) break;
    const rows: NewDeliveryRow[] = [];
    for (const candidate of candidates) {
      const digest = await buildDigest(db, candidate.id, day, config);
      if (digest.isEmpty) continue;
      const at = now.toISOString();
      rows.push({
        channel: 'digest',
        dedupe_key: `digest:${candidate.id}:${day}`,
        user_id: candidate.id,
        target: candidate.email,
        subject: digest.subject,
        payload: JSON.stringify({ text: digest.text, html: digest.html }),
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        created_at: at,
      });
    }
    queued += await insertDeliveries(db, rows);
    afterId = candidates[candidates.length - 1]?.id ?? afterId;
    const kept = await advanceJob(db, {
      name: JOB,
      owner,
      cursor: `${day}:${afterId}`,
      now: now.toISOString(),
      until: lease(),
    });
    if (!kept) return { day, queued };
  }
  await completeJob(db, { name: JOB, owner, day, now: now.toISOString() });
  return { day, queued };
}
