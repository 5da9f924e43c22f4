import type { Locale } from '../../shared/locales.js';
import { CHANNEL_TEXTS, fillText } from './channel-texts.js';

/** An email ready to send: the subject and both bodies, in the recipient's language. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** Subjects longer than this are cut (mail clients show about this much). */
const SUBJECT_MAX = 120;

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The subject line: the prefix, then the first line cut to a readable length. */
export function emailSubject(locale: Locale, headline: string): string {
  const subject = `${CHANNEL_TEXTS[locale].subjectPrefix}${headline.split('\n')[0] ?? ''}`;
  return subject.length > SUBJECT_MAX ? `${subject.slice(0, SUBJECT_MAX - 1)}…` : subject;
}

/**
 * Plain text and simple HTML for one message: paragraphs, a link to open (a task or the inbox),
 * and a footer pointing to the notification preferences.
 */
export function renderEmail(input: {
  locale: Locale;
  subject: string;
  paragraphs: readonly string[];
  link: { label: string; url: string } | null;
  preferencesUrl: string;
}): EmailContent {
  const texts = CHANNEL_TEXTS[input.locale];
  const footer = fillText(texts.footer, { url: input.preferencesUrl });
  const text = [
    ...input.paragraphs,
    ...(input.link ? [`${input.link.label}${input.locale === 'en' ? ': ' : '：'}${input.link.url}`] : []),
    '--',
    footer,
  ].join('\n\n');
  const paragraphs = input.paragraphs.map(
    (paragraph) => `<p style="margin:0 0 12px">${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`,
  );
  const link = input.link
    ? `<p style="margin:16px 0"><a href="${escapeHtml(input.link.url)}" style="color:#1d4f91">${escapeHtml(input.link.label)}</a></p>`
    : '';
  const html = [
    `<!doctype html><html lang="${input.locale}"><body style="font-family:sans-serif;font-size:14px;line-height:1.6;color:#1f1f1f">`,
    ...paragraphs,
    link,
    `<hr style="border:none;border-top:1px solid #e5e5e5;margin:24px 0 12px">`,
    `<p style="margin:0;color:#8c8c8c;font-size:12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('');
  return { subject: input.subject, text, html };
}
