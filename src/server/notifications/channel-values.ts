import { LOCALES, type Locale } from '../../shared/locales.js';
import { channelRuntime } from './channel-runtime.js';

// Small readings of stored channel values, shared by the outbox, the job and the presenters.

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A JSON array of kinds as stored (broken or absent → none). */
export function parseKinds(json: string | null | undefined): string[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** A person's language for messages: their choice, else the organisation's default. */
export function recipientLocale(locale: string | null | undefined): Locale {
  return isLocale(locale) ? locale : channelRuntime().defaultLocale;
}

/**
 * An address with what authenticates it hidden: robot URLs carry their key in the query (WeCom,
 * DingTalk) or as a long path segment (Feishu).
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname
      .split('/')
      .map((segment) => (segment.length >= 16 ? `${segment.slice(0, 4)}…` : segment))
      .join('/');
    return `${parsed.origin}${path}${parsed.search ? '?…' : ''}`;
  } catch {
    return '…';
  }
}
