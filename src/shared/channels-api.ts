import { z } from 'zod';
import { LOCALES } from './locales.js';
import { NOTIFICATION_KINDS, type NotificationKind } from './notifications-api.js';

// Notification channels (issue 5 item 7): per-person preferences, webhooks to group robots and the
// delivery log, as the server answers them and the web sends them.

/** How a webhook's message is shaped: our signed JSON, or a Chinese group robot's format. */
export const WEBHOOK_FORMATS = ['generic', 'wecom', 'dingtalk', 'feishu'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const DELIVERY_CHANNELS = ['email', 'webhook', 'digest'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const DELIVERY_STATUSES = ['pending', 'sent', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The daily digest is a summary of the others: it has its own switch and is never sent on its own. */
export const DIGEST_KIND = 'digest.daily' satisfies NotificationKind;

export type EmailKind = Exclude<NotificationKind, typeof DIGEST_KIND>;

/** Kinds a person may receive by email one by one (and mute). */
export const EMAIL_KINDS: readonly EmailKind[] = NOTIFICATION_KINDS.filter(
  (kind): kind is EmailKind => kind !== DIGEST_KIND,
);

/** Kinds grouped by what they are about, in the order the preferences page lists them. */
export const KIND_GROUPS = [
  'task',
  'plan',
  'report',
  'closure',
  'supervision',
  'notice',
  'extension',
  'coordination',
  'instruction',
  'bulletin',
  'rectification',
  'case',
  'accountability',
] as const;
export type KindGroup = (typeof KIND_GROUPS)[number];

/** The group of a kind: the part before the dot (`report.due` → `report`). */
export function kindGroup(kind: NotificationKind): KindGroup | null {
  const group = kind.slice(0, kind.indexOf('.'));
  return (KIND_GROUPS as readonly string[]).includes(group) ? (group as KindGroup) : null;
}

const kindList = z
  .array(z.enum(EMAIL_KINDS as [NotificationKind, ...NotificationKind[]]))
  .max(NOTIFICATION_KINDS.length);

export const notificationPrefsSchema = z
  .object({
    /** Null: the organisation's default language. */
    locale: z.enum(LOCALES).nullable(),
    emailEnabled: z.boolean(),
    digestEnabled: z.boolean(),
    mutedKinds: z.array(z.enum(NOTIFICATION_KINDS)),
    /** 0 until first saved. */
    version: z.number().int(),
    /** Whether the person has an email address on record (else nothing is emailed). */
    hasEmail: z.boolean(),
    /** Whether this server sends email at all (LUOSHI_SMTP_URL). */
    emailAvailable: z.boolean(),
    /** The local hour the digest goes out. */
    digestHour: z.number().int(),
  })
  .describe('Notification preferences (通知设置)');
export type NotificationPrefsView = z.infer<typeof notificationPrefsSchema>;

/** Replaces my preferences; `version` 0 when they were never saved. */
export const updatePrefsBody = z.strictObject({
  locale: z.enum(LOCALES).nullable(),
  emailEnabled: z.boolean(),
  digestEnabled: z.boolean(),
  mutedKinds: kindList,
  version: z.number().int().min(0),
});
export type UpdatePrefsInput = z.infer<typeof updatePrefsBody>;

export const webhookSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    /** In full for administrators; with query values hidden for others (robot URLs carry a key). */
    url: z.string(),
    format: z.enum(WEBHOOK_FORMATS),
    hasSecret: z.boolean(),
    /** Empty: every kind. */
    kinds: z.array(z.enum(NOTIFICATION_KINDS)),
    locale: z.enum(LOCALES),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .describe('Webhook');
export type WebhookView = z.infer<typeof webhookSchema>;

/** The answer to creating a webhook: the one time its secret is shown (generated for `generic` when none is given). */
export const webhookCreatedSchema = webhookSchema.extend({ secret: z.string().nullable() });
export type WebhookCreatedView = z.infer<typeof webhookCreatedSchema>;

const webhookName = z
  .string()
  .max(100)
  .refine((value) => value.trim().length > 0, { message: 'required' });
const webhookUrl = z.string().min(1).max(2000);
const webhookSecret = z.string().min(1).max(200);

export const createWebhookBody = z.strictObject({
  name: webhookName,
  url: webhookUrl,
  format: z.enum(WEBHOOK_FORMATS),
  secret: webhookSecret.nullable().optional(),
  kinds: kindList.default([]),
  locale: z.enum(LOCALES).default('zh-CN'),
  enabled: z.boolean().default(true),
});
export type CreateWebhookInput = z.input<typeof createWebhookBody>;

/** Changes some fields; `secret: null` removes the secret, leaving it out keeps it. */
export const updateWebhookBody = z.strictObject({
  version: z.number().int().positive(),
  name: webhookName.optional(),
  url: webhookUrl.optional(),
  format: z.enum(WEBHOOK_FORMATS).optional(),
  secret: webhookSecret.nullable().optional(),
  kinds: kindList.optional(),
  locale: z.enum(LOCALES).optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWebhookInput = z.infer<typeof updateWebhookBody>;

export const deliverySchema = z
  .object({
    id: z.number().int(),
    channel: z.enum(DELIVERY_CHANNELS),
    status: z.enum(DELIVERY_STATUSES),
    /** An email address, or the webhook's address without its query. */
    target: z.string(),
    subject: z.string().nullable(),
    userId: z.number().int().nullable(),
    webhookId: z.number().int().nullable(),
    webhookName: z.string().nullable(),
    notificationId: z.number().int().nullable(),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .describe('Delivery (an email or webhook call, queued, sent or given up)');
export type DeliveryView = z.infer<typeof deliverySchema>;

export const deliveryPageSchema = z.object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() });
export type DeliveryPage = z.infer<typeof deliveryPageSchema>;

/** My digest as it would be emailed on `day`, in my language. */
export const digestPreviewSchema = z
  .object({
    day: z.string(),
    locale: z.enum(LOCALES),
    subject: z.string(),
    text: z.string(),
    unreadCount: z.number().int(),
    red: z.number().int(),
    amber: z.number().int(),
    /** Nothing to say: no email is sent that day. */
    isEmpty: z.boolean(),
  })
  .describe('Daily digest (每日摘要)');
export type DigestPreview = z.infer<typeof digestPreviewSchema>;
