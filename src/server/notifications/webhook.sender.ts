import type { WebhookFormat } from '../../shared/channels-api.js';
import type { SendOutcome } from './email.sender.js';
import { vendorFailure, type WebhookRequest } from './webhook-formats.js';

/** How long a receiver may take to answer before the attempt counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** Of an answer's body, only this much is read (a robot's verdict is a short JSON). */
const MAX_ANSWER_CHARS = 8192;

/**
 * POSTs one webhook request. Success is a 2xx answer that a group robot did not refuse in its
 * body; redirects are not followed (a moved robot is a configuration to fix, not to chase).
 */
export async function postWebhook(
  request: WebhookRequest,
  format: WebhookFormat,
  options: { timeoutMs?: number; fetchImpl?: typeof fetch } = {},
): Promise<SendOutcome> {
  const fetchImpl = options.fetchImpl ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
    });
  } catch (error) {
    const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    const reason = e.name === 'TimeoutError' ? 'timed out' : (e.cause?.code ?? e.cause?.message ?? e.message);
    return { ok: false, status: null, error: `request failed: ${reason ?? String(error)}` };
  }
  const answer = (await response.text().catch(() => '')).slice(0, MAX_ANSWER_CHARS);
  if (response.status < 200 || response.status >= 300) {
    return { ok: false, status: response.status, error: `HTTP ${response.status}: ${answer.slice(0, 300)}`.trim() };
  }
  const refused = vendorFailure(format, answer);
  return refused
    ? { ok: false, status: response.status, error: refused }
    : { ok: true, status: response.status, error: null };
}
