import { createHmac } from 'node:crypto';
import type { WebhookFormat } from '../../shared/channels-api.js';
import type { Locale } from '../../shared/locales.js';
import { CHANNEL_TEXTS } from './channel-texts.js';

// What a webhook call looks like in each format. Pure: the delivery job adds the time and sends.
//  generic   our JSON, signed: X-Luoshi-Signature = sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>
//  wecom     企业微信群机器人: {msgtype: 'markdown', markdown: {content}} (≤ 4096 bytes); no signing,
//            the key is in the URL
//  dingtalk  钉钉自定义机器人: {msgtype: 'text', text: {content}}; with 加签, `timestamp` (ms) and
//            `sign` = base64 HMAC-SHA256(key = secret, message = timestamp + "\n" + secret) in the query
//  feishu    飞书自定义机器人: {msg_type: 'text', content: {text}}; with 签名校验, `timestamp` (s) and
//            `sign` = base64 HMAC-SHA256(key = timestamp + "\n" + secret, message = "") in the body
// The three robots answer HTTP 200 with an error code in the body (errcode / code ≠ 0) when they
// refuse a message; vendorFailure reads it.

/** One event as a webhook announces it (also the stored payload of a webhook delivery). */
export interface WebhookEvent {
  /** The same for every webhook and every retry of one event: receivers deduplicate on it. */
  id: string;
  /** A notification kind, or `webhook.test`. */
  kind: string;
  /** The notification's sentence in the webhook's language. */
  text: string;
  task: { id: number; number: string; title: string } | null;
  params: Record<string, unknown>;
  createdAt: string;
  /** The page to open, absolute (LUOSHI_PUBLIC_URL), or null. */
  link: string | null;
}

export interface WebhookTarget {
  format: WebhookFormat;
  url: string;
  secret: string | null;
  locale: Locale;
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

const WECOM_MARKDOWN_MAX_BYTES = 4096;
const ROBOT_TEXT_MAX_BYTES = 4000;

/** Cuts a string to at most `maxBytes` of UTF-8, on a character boundary, marking the cut. */
export function truncateUtf8(value: string, maxBytes: number): string {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length <= maxBytes) return value;
  let end = maxBytes - 3;
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return `${bytes.subarray(0, end).toString('utf8')}…`;
}

/** `sha256=<hex>`: what X-Luoshi-Signature carries for a generic webhook. */
export function genericSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** DingTalk's `sign` (before URL encoding) for a timestamp in milliseconds. */
export function dingtalkSign(secret: string, timestampMs: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** Feishu's `sign` for a timestamp in seconds: the HMAC keyed by timestamp and secret, of nothing. */
export function feishuSign(secret: string, timestampSeconds: string): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** The robot message's text: the brand, the sentence and the link, on separate lines. */
function robotText(target: WebhookTarget, event: WebhookEvent): string {
  const brand = CHANNEL_TEXTS[target.locale].subjectPrefix.trim();
  return truncateUtf8([`${brand}${event.text}`, ...(event.link ? [event.link] : [])].join('\n'), ROBOT_TEXT_MAX_BYTES);
}

function wecomMarkdown(target: WebhookTarget, event: WebhookEvent): string {
  const texts = CHANNEL_TEXTS[target.locale];
  const label = event.task ? texts.openTask : texts.openInbox;
  const lines = [`**${texts.brand}**`, event.text, ...(event.link ? [`[${label}](${event.link})`] : [])];
  return truncateUtf8(lines.join('\n'), WECOM_MARKDOWN_MAX_BYTES);
}

/** The HTTP request announcing `event` to one webhook at `now`. */
export function buildWebhookRequest(target: WebhookTarget, event: WebhookEvent, now: Date): WebhookRequest {
  const json = { 'Content-Type': 'application/json; charset=utf-8' };
  switch (target.format) {
    case 'generic': {
      const body = JSON.stringify({
        id: event.id,
        kind: event.kind,
        text: event.text,
        task: event.task,
        params: event.params,
        createdAt: event.createdAt,
        link: event.link,
      });
      const timestamp = String(Math.floor(now.getTime() / 1000));
      const headers: Record<string, string> = {
        ...json,
        'User-Agent': 'Luoshi-Webhook/1',
        'X-Luoshi-Event': event.kind,
        'X-Luoshi-Delivery': event.id,
        'X-Luoshi-Timestamp': timestamp,
      };
      if (target.secret) headers['X-Luoshi-Signature'] = genericSignature(target.secret, timestamp, body);
      return { url: target.url, headers, body };
    }
    case 'wecom':
      return {
        url: target.url,
        headers: json,
        body: JSON.stringify({ msgtype: 'markdown', markdown: { content: wecomMarkdown(target, event) } }),
      };
    case 'dingtalk': {
      const url = new URL(target.url);
      if (target.secret) {
        const timestamp = String(now.getTime());
        url.searchParams.set('timestamp', timestamp);
        url.searchParams.set('sign', dingtalkSign(target.secret, timestamp));
      }
      return {
        url: url.toString(),
        headers: json,
        body: JSON.stringify({ msgtype: 'text', text: { content: robotText(target, event) } }),
      };
    }
    case 'feishu': {
      const timestamp = String(Math.floor(now.getTime() / 1000));
      const signing = target.secret ? { timestamp, sign: feishuSign(target.secret, timestamp) } : {};
      return {
        url: target.url,
        headers: json,
        body: JSON.stringify({ ...signing, msg_type: 'text', content: { text: robotText(target, event) } }),
      };
    }
  }
}

/**
 * The refusal a group robot reported inside a 2xx answer (WeCom and DingTalk `errcode`, Feishu
 * `code` or `StatusCode`), or null when it accepted the message. Generic receivers answer by status.
 */
export function vendorFailure(format: WebhookFormat, body: string): string | null {
  if (format === 'generic') return null;
  let answer: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(body);
    if (!parsed || typeof parsed !== 'object') return null;
    answer = parsed as Record<string, unknown>;
  } catch {
    return null;
  }
  const code = format === 'feishu' ? (answer.code ?? answer.StatusCode) : answer.errcode;
  if (code === undefined || code === null || Number(code) === 0) return null;
  const message = format === 'feishu' ? (answer.msg ?? answer.StatusMessage) : answer.errmsg;
  return `${format === 'feishu' ? 'code' : 'errcode'} ${String(code)}: ${String(message ?? '')}`.trim();
}
