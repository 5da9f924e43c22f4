import { randomBytes } from 'node:crypto';
import { type Command, Option } from 'commander';
import { systemActor } from '../server/auth/actor.js';
import { errorDetail, fieldMessage } from '../server/i18n/messages.js';
import { createUser } from '../server/users/users.service.js';
import { LIMITS, USERNAME_PATTERN } from '../shared/limits.js';
import type { Locale } from '../shared/locales.js';
import { ROLES, type Role } from '../shared/roles.js';
import {
  action,
  CliError,
  cliLocale,
  configFor,
  ensureFirstAdminFromCli,
  integerIn,
  withDatabase,
} from './cli-context.js';
import { canPrompt, promptHidden } from './password-prompt.js';

interface UserCreateOptions {
  username: string;
  name: string;
  unitId?: number;
  role: Role[];
  password?: string;
}

/** Checks the options as the API's schema would, so the CLI cannot create what the UI would refuse. */
function validate(options: UserCreateOptions, locale: Locale): { username: string; displayName: string } {
  const username = options.username.trim().toLowerCase();
  const displayName = options.name.trim();
  const problems: string[] = [];
  if (username.length < LIMITS.usernameMin) {
    problems.push(`--username ${fieldMessage(locale, 'tooShortString', { minimum: LIMITS.usernameMin })}`);
  } else if (username.length > LIMITS.usernameMax) {
    problems.push(`--username ${fieldMessage(locale, 'tooLongString', { maximum: LIMITS.usernameMax })}`);
  } else if (!USERNAME_PATTERN.test(username)) {
    problems.push(`--username ${fieldMessage(locale, 'format')}`);
  }
  if (!displayName) problems.push(`--name ${fieldMessage(locale, 'required')}`);
  if (displayName.length > LIMITS.displayNameMax) {
    problems.push(`--name ${fieldMessage(locale, 'tooLongString', { maximum: LIMITS.displayNameMax })}`);
  }
  if (problems.length === 0) return { username, displayName };
  const summary = problems.join(locale === 'en' ? '; ' : '；');
  throw new CliError(errorDetail(locale, 'validation_failed', { summary }));
}

function checkPassword(password: string, locale: Locale): string {
  if (password.length >= LIMITS.passwordMin && password.length <= LIMITS.passwordMax) return password;
  const key = password.length < LIMITS.passwordMin ? 'tooShortString' : 'tooLongString';
  const problem = fieldMessage(locale, key, { minimum: LIMITS.passwordMin, maximum: LIMITS.passwordMax });
  const summary = `password ${problem}`;
  throw new CliError(errorDetail(locale, 'validation_failed', { summary }));
}

/**
 * The new user's password: --password, else $LUOSHI_NEW_USER_PASSWORD, else asked twice at a
 * terminal; when nobody can be asked (or the answer is empty) one is generated and printed once.
 */
async function choosePassword(
  options: UserCreateOptions,
  locale: Locale,
): Promise<{ password: string; generated: boolean }> {
  const given = options.password ?? (process.env.LUOSHI_NEW_USER_PASSWORD || undefined);
  if (given !== undefined) return { password: checkPassword(given, locale), generated: false };
  if (canPrompt()) {
    const typed = await promptHidden('Password (leave empty to generate one): ');
    if (typed) {
      checkPassword(typed, locale);
      if ((await promptHidden('Repeat the password: ')) !== typed) throw new CliError('the passwords do not match.');
      return { password: typed, generated: false };
    }
  }
  return { password: randomBytes(15).toString('base64url'), generated: true };
}

/** `luoshi user create`: add a person with roles from the command line (for the first admin, or scripts). */
export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage people');
  user
    .command('create')
    .description('create a person')
    .requiredOption('--username <username>', 'sign-in name: lower-case letters, digits, dot, dash, underscore')
    .requiredOption('--name <name>', 'display name, e.g. "张伟"')
    .option('--unit-id <id>', 'id of the unit the person belongs to', integerIn(1, Number.MAX_SAFE_INTEGER))
    .addOption(
      new Option('--role <role...>', 'a role; repeat or list several (--role leader --role supervisor)')
        .choices(ROLES)
        .makeOptionMandatory(),
    )
    .option(
      '--password <password>',
      'initial password (visible to other local users; prefer $LUOSHI_NEW_USER_PASSWORD or the prompt)',
    )
    .action(
      action(async (options: UserCreateOptions, command: Command) => {
        const locale = cliLocale();
        const { username, displayName } = validate(options, locale);
        const { password, generated } = await choosePassword(options, locale);
        const roles = [...new Set(options.role)];
        const config = configFor(command);
        await withDatabase(config, async (db) => {
          // A new database whose only user is not an admin could never be administered.
          if (!roles.includes('admin')) await ensureFirstAdminFromCli(db, config);
          const created = await createUser(db, {
            username,
            displayName,
            password,
            unitId: options.unitId ?? null,
            roles,
            actor: systemActor('cli'),
          });
          const unit = created.unitName ? `, unit ${created.unitName}` : '';
          process.stdout.write(
            `Created user "${created.username}" (${created.display_name}), id ${created.id}, roles ${roles.join(', ')}${unit}.\n`,
          );
          if (generated) process.stdout.write(`Password (shown only this once): ${password}\n`);
        });
      }),
    );
}
