import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import type { EmailContent } from './email-content.js';

/** How one attempt to send went: `status` is the SMTP reply code or the HTTP status, when known. */
export interface SendOutcome {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** A file sent with an email (a scheduled implementation report), its bytes in base64 as queued. */
export interface EmailAttachment {
  fileName: string;
  contentType: string;
  base64: string;
}

export interface EmailSender {
  send(mail: EmailContent & { to: string; attachments?: readonly EmailAttachment[] }): Promise<SendOutcome>;
  close(): void;
}

/** Seconds an SMTP server may take to connect, greet or answer before the attempt fails. */
const SMTP_TIMEOUT_MS = 20_000;

/** The SMTP reply code at the start of a server's answer (`250 OK: queued`), if any. */
function replyCode(text: unknown): number | null {
  const match = typeof text === 'string' ? /^(\d{3})\b/.exec(text) : null;
  return match ? Number(match[1]) : null;
}

/**
 * Sends email through the SMTP server of LUOSHI_SMTP_URL (nodemailer); null when it is unset.
 * A refused recipient or a server error is an outcome to retry, never a throw.
 */
export function createEmailSender(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): EmailSender | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from: config.mailFrom,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          attachments: (mail.attachments ?? []).map((file) => ({
            filename: file.fileName,
            contentType: file.contentType,
            content: Buffer.from(file.base64, 'base64'),
          })),
        });
        if (info.rejected.length > 0) {
          return { ok: false, status: replyCode(info.response), error: `rejected: ${info.rejected.join(', ')}` };
        }
        return { ok: true, status: replyCode(info.response), error: null };
      } catch (error) {
        const e = error as { responseCode?: number; message?: string };
        return { ok: false, status: e.responseCode ?? null, error: e.message ?? String(error) };
      }
    },
    close: () => transport.close(),
  };
}
