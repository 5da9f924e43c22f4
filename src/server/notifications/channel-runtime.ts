import type { Locale } from '../../shared/locales.js';
import type { Config } from '../config.js';

/**
 * What `notify()` needs of the configuration to queue emails: it is called inside every feature's
 * transaction with no configuration at hand, so the app sets this once as it registers its routes
 * (the same environment on every node). Until then, as in the CLI, no email is queued.
 */
export interface ChannelRuntime {
  /** LUOSHI_SMTP_URL is set. */
  emailOn: boolean;
  defaultLocale: Locale;
  /** For links in messages, without a trailing slash. */
  publicUrl: string;
}

let runtime: ChannelRuntime = { emailOn: false, defaultLocale: 'zh-CN', publicUrl: 'http://localhost:3000' };

/** Takes the channel settings from the configuration (called by registerChannelRoutes). */
export function configureChannels(config: Pick<Config, 'smtpUrl' | 'defaultLocale' | 'publicUrl'>): void {
  runtime = { emailOn: Boolean(config.smtpUrl), defaultLocale: config.defaultLocale, publicUrl: config.publicUrl };
}

export function channelRuntime(): ChannelRuntime {
  return runtime;
}
