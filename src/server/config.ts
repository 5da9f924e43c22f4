import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { LOCALES, type Locale } from '../shared/locales.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LUOSHI_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must start with postgres:// or postgresql://')
    .optional(),
  LUOSHI_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').max(128).optional(),
  LUOSHI_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  LUOSHI_TRUST_PROXY: booleanFlag.default(false),
  LUOSHI_CHECK_RESPONSES: booleanFlag.default(false),
  LUOSHI_JOBS: booleanFlag.default(true),
  LUOSHI_PUBLIC_ORIGIN: z
    .string()
    .refine((value) => /^https?:\/\/[^/]+$/.test(value), 'must be an origin such as https://luoshi.example.gov.cn')
    .optional(),
  LUOSHI_SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  LUOSHI_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(10000).default(5),
  LUOSHI_LOGIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).max(100000).default(30),
  LUOSHI_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(104857600).default(1048576),
  LUOSHI_PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LUOSHI_WORKERS: z
    .union([z.literal('auto'), z.coerce.number().int().min(1).max(64)])
    .default(1)
    .transform((value) => (value === 'auto' ? os.availableParallelism() : value)),
  LUOSHI_TIMEZONE: z
    .string()
    .refine((value) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: value });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Asia/Shanghai')
    .default('Asia/Shanghai'),
  LUOSHI_SMTP_URL: z
    .string()
    .refine(
      (value) => /^smtps?:\/\/[^/]+/.test(value),
      'must be an SMTP URL such as smtp://user:pass@mail.example.gov.cn:587',
    )
    .optional(),
  LUOSHI_MAIL_FROM: z.string().min(3).max(200).default('Luoshi <luoshi@localhost>'),
  LUOSHI_PUBLIC_URL: z
    .string()
    .refine(
      (value) => /^https?:\/\/[^/]+(\/.*)?$/.test(value),
      'must be an http(s) URL such as https://luoshi.example.gov.cn',
    )
    .optional(),
  LUOSHI_DEFAULT_LOCALE: z.enum(LOCALES).default('zh-CN'),
  LUOSHI_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  LUOSHI_WEB_DIR: z.string().min(1).optional(),
});

/** Everything the server reads from its environment, parsed once and frozen. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize: number };
  adminPassword: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  trustProxy: boolean;
  publicOrigin: string | undefined;
  sessionDays: number;
  loginMaxFailures: number;
  loginIpMaxFailures: number;
  bodyLimitBytes: number;
  /** The zone in which dates (deadlines, "today", task years) are reckoned. */
  timeZone: string;
  /**
   * Check every answer against its route's response schema, refusing extra fields (tests and
   * development). Off in production: answers are then written with JSON.stringify alone.
   */
  checkResponses: boolean;
  /** Server processes sharing the port (Node cluster); 1 = this process serves alone. */
  workers: number;
  /** Whether this node runs the background jobs (housekeeping, report slots); they are idempotent. */
  jobs: boolean;
  /** Where email goes out (nodemailer SMTP URL); unset = no email is queued or sent. */
  smtpUrl: string | undefined;
  /** The From of every email. */
  mailFrom: string;
  /** The address people open Luoshi at, for links in emails and webhooks (no trailing slash). */
  publicUrl: string;
  /** The language of messages to people who chose none (notification preferences). */
  defaultLocale: Locale;
  /** The local hour (in timeZone) from which the daily digest is sent. */
  digestHour: number;
  /** The built web UI to serve (absolute); undefined = the package's own dist/web. */
  webDir: string | undefined;
}

/** Thrown when the environment has bad values; lists every problem, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment into a Config. Empty strings count as unset, so `PORT=` in a unit file
 * means "use the default". Throws ConfigError naming every bad variable at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(overrides.dataDir ?? e.LUOSHI_DATA_DIR);
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.LUOSHI_PG_POOL_SIZE }
      : { kind: 'sqlite', file: path.join(dataDir, 'luoshi.sqlite') },
    adminPassword: e.LUOSHI_ADMIN_PASSWORD,
    logLevel: e.LUOSHI_LOG_LEVEL,
    trustProxy: e.LUOSHI_TRUST_PROXY,
    publicOrigin: e.LUOSHI_PUBLIC_ORIGIN,
    sessionDays: e.LUOSHI_SESSION_DAYS,
    loginMaxFailures: e.LUOSHI_LOGIN_MAX_FAILURES,
    loginIpMaxFailures: e.LUOSHI_LOGIN_IP_MAX_FAILURES,
    bodyLimitBytes: e.LUOSHI_BODY_LIMIT_BYTES,
    timeZone: e.LUOSHI_TIMEZONE,
    checkResponses: e.LUOSHI_CHECK_RESPONSES,
    workers: e.LUOSHI_WORKERS,
    jobs: e.LUOSHI_JOBS,
    smtpUrl: e.LUOSHI_SMTP_URL,
    mailFrom: e.LUOSHI_MAIL_FROM,
    publicUrl: (e.LUOSHI_PUBLIC_URL ?? e.LUOSHI_PUBLIC_ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    defaultLocale: e.LUOSHI_DEFAULT_LOCALE,
    digestHour: e.LUOSHI_DIGEST_HOUR,
    webDir: e.LUOSHI_WEB_DIR ? path.resolve(e.LUOSHI_WEB_DIR) : undefined,
    ...overrides,
  };
  if (overrides.dataDir && !overrides.database && config.database.kind === 'sqlite') {
    config.database = { kind: 'sqlite', file: path.join(dataDir, 'luoshi.sqlite') };
  }
  return Object.freeze(config);
}
