import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Database, Dialect } from '../db/connect.js';
import { purgeDeliveries } from '../notifications/deliveries.repository.js';
import { DELIVERY_BATCH, deliverDue } from '../notifications/delivery.job.js';
import { queueDailyDigests } from '../notifications/digest.service.js';
import { createEmailSender } from '../notifications/email.sender.js';

/** How often the outbox is looked at (a due delivery waits at most this long). */
const OUTBOX_POLL_MS = 30_000;
/** How often the digest checks whether today's digests are due (cheap once done: one keyed read). */
const DIGEST_POLL_MS = 5 * 60_000;
/** Batches sent in one round at most, so one busy round cannot starve the next timer. */
const MAX_BATCHES = 20;
/** The delivery log keeps sent and given-up deliveries this long. */
const LOG_DAYS = 90;

/**
 * Sends the outbox (emails, digests, webhook calls) every half minute, queues the daily digests
 * once their hour has come, and keeps the delivery log to its last LOG_DAYS days. Safe on several nodes (claims and dedupe keys; see delivery.job.ts and
 * digest.service.ts). Returns a function that stops it.
 */
export function startDeliveries(
  deps: { db: Database; dialect: Dialect; config: Config },
  log: FastifyBaseLogger,
): () => void {
  const email = createEmailSender(deps.config);
  let running = false;
  const sendDue = async () => {
    if (running) return;
    running = true;
    try {
      for (let batch = 0; batch < MAX_BATCHES; batch++) {
        const result = await deliverDue({ ...deps, email });
        if (result.sent || result.retrying || result.dead) log.info(result, 'deliveries: sent the outbox');
        if (result.claimed < DELIVERY_BATCH) break;
      }
    } catch (error) {
      log.warn({ err: error }, 'deliveries failed; will retry');
    } finally {
      running = false;
    }
  };
  let purgedAt = 0;
  const queueDigests = async () => {
    try {
      const result = await queueDailyDigests(deps);
      if (result?.queued) log.info(result, 'deliveries: queued the daily digests');
      if (Date.now() - purgedAt > 3_600_000) {
        purgedAt = Date.now();
        const removed = await purgeDeliveries(deps.db, new Date(purgedAt - LOG_DAYS * 86_400_000).toISOString());
        if (removed) log.info({ removed }, 'deliveries: removed old log entries');
      }
    } catch (error) {
      log.warn({ err: error }, 'daily digest failed; will retry');
    }
  };
  const outbox = setInterval(sendDue, OUTBOX_POLL_MS);
  const digests = setInterval(queueDigests, DIGEST_POLL_MS);
  outbox.unref();
  digests.unref();
  void queueDigests().then(sendDue);
  return () => {
    clearInterval(outbox);
    clearInterval(digests);
    email?.close();
  };
}
