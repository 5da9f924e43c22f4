import { z } from 'zod';
import { localDate } from '../../domain/dates.js';
import {
  createWebhookBody,
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  deliveryPageSchema,
  deliverySchema,
  digestPreviewSchema,
  notificationPrefsSchema,
  updatePrefsBody,
  updateWebhookBody,
  webhookCreatedSchema,
  webhookSchema,
} from '../../shared/channels-api.js';
import type { Actor } from '../auth/actor.js';
import { requireActor } from '../auth/authenticate.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow, can } from '../policy.js';
import { configureChannels } from './channel-runtime.js';
import { presentDelivery, presentPrefs, presentWebhook } from './channels.presenter.js';
import { listDeliveries } from './delivery-log.service.js';
import { previewMyDigest } from './digest.service.js';
import { getMyNotificationPrefs, updateMyNotificationPrefs } from './prefs.service.js';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  testWebhook,
  updateWebhook,
} from './webhooks.service.js';

const tags = ['notification channels'];

const deliveryQuery = z.strictObject({
  channel: z.enum(DELIVERY_CHANNELS).optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const deleteQuery = z.strictObject({ version: z.coerce.number().int().positive() });

const asWebhook = (actor: Actor) => (row: Parameters<typeof presentWebhook>[0]) =>
  presentWebhook(row, { fullUrl: can.manageWebhooks(actor) });

/**
 * Notification channels: my preferences and digest preview; webhooks to group robots and the
 * delivery log for administrators (the supervision office may read the webhooks).
 */
export function registerChannelRoutes(app: ZodApp, { db, config }: RouteDeps): void {
  // notify() runs inside every feature's transaction without the configuration at hand.
  configureChannels(config);

  app.get('/me/notification-prefs', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'My notification preferences (defaults until first saved, version 0)',
      response: { 200: notificationPrefsSchema, ...errorResponses },
    },
    handler: async (request) =>
      presentPrefs(await getMyNotificationPrefs(db, { actor: requireActor(request) }), config),
  });

  app.put('/me/notification-prefs', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'Save my notification preferences (language, email, digest, muted kinds)',
      body: updatePrefsBody,
      response: { 200: notificationPrefsSchema, ...errorResponses },
    },
    handler: async (request) =>
      presentPrefs(await updateMyNotificationPrefs(db, { ...request.body, actor: requireActor(request) }), config),
  });

  app.get('/me/digest-preview', {
    config: { policy: allow.signedIn },
    schema: {
      tags,
      summary: 'My daily digest as it would be emailed today',
      response: { 200: digestPreviewSchema, ...errorResponses },
    },
    handler: async (request) => {
      const digest = await previewMyDigest(db, {
        actor: requireActor(request),
        day: localDate(new Date(), config.timeZone),
        config,
      });
      return {
        day: digest.day,
        locale: digest.locale,
        subject: digest.subject,
        text: digest.text,
        unreadCount: digest.unreadCount,
        red: digest.red,
        amber: digest.amber,
        isEmpty: digest.isEmpty,
      };
    },
  });

  app.get('/webhooks', {
    config: { policy: allow.roles('supervisor', 'admin') },
    schema: {
      tags,
      summary: 'List webhooks',
      response: { 200: z.object({ items: z.array(webhookSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return { items: (await listWebhooks(db, { actor })).map(asWebhook(actor)) };
    },
  });

  app.post('/webhooks', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'Add a webhook (its secret is answered this once)',
      body: createWebhookBody,
      response: { 201: webhookCreatedSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const row = await createWebhook(db, { ...request.body, actor });
      return reply.status(201).send({ ...asWebhook(actor)(row), secret: row.secret });
    },
  });

  app.get('/webhooks/:id', {
    config: { policy: allow.roles('supervisor', 'admin') },
    schema: { tags, summary: 'Get a webhook', params: idParams, response: { 200: webhookSchema, ...errorResponses } },
    handler: async (request) => {
      const actor = requireActor(request);
      return asWebhook(actor)(await getWebhook(db, { webhookId: request.params.id, actor }));
    },
  });

  app.patch('/webhooks/:id', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'Change a webhook (secret: null removes it)',
      params: idParams,
      body: updateWebhookBody,
      response: { 200: webhookSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      return asWebhook(actor)(await updateWebhook(db, { ...request.body, webhookId: request.params.id, actor }));
    },
  });

  app.delete('/webhooks/:id', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'Remove a webhook and its delivery log',
      params: idParams,
      querystring: deleteQuery,
      response: { 204: z.null().describe('Deleted'), ...errorResponses },
    },
    handler: async (request, reply) => {
      await deleteWebhook(db, {
        webhookId: request.params.id,
        version: request.query.version,
        actor: requireActor(request),
      });
      return reply.status(204).send(null);
    },
  });

  app.post('/webhooks/:id/test', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'Queue a test message to a webhook',
      params: idParams,
      response: { 202: deliverySchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const row = await testWebhook(db, { webhookId: request.params.id, actor: requireActor(request) });
      return reply.status(202).send(presentDelivery({ ...row, webhook_name: null }));
    },
  });

  app.get('/webhooks/:id/deliveries', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: "A webhook's delivery log, newest first",
      params: idParams,
      querystring: deliveryQuery.omit({ channel: true }),
      response: { 200: deliveryPageSchema, ...errorResponses },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      await getWebhook(db, { webhookId: request.params.id, actor });
      const page = await listDeliveries(db, { ...request.query, webhookId: request.params.id, actor });
      return { items: page.items.map(presentDelivery), nextCursor: page.nextCursor };
    },
  });

  app.get('/deliveries', {
    config: { policy: allow.roles('admin') },
    schema: {
      tags,
      summary: 'The delivery log of emails, digests and webhook calls, newest first',
      querystring: deliveryQuery,
      response: { 200: deliveryPageSchema, ...errorResponses },
    },
    handler: async (request) => {
      const page = await listDeliveries(db, { ...request.query, actor: requireActor(request) });
      return { items: page.items.map(presentDelivery), nextCursor: page.nextCursor };
    },
  });
}
