import { type Command, InvalidArgumentError } from 'commander';
import { type ChainHead, parseChainHead } from '../domain/audit-chain.js';
import { type AuditVerification, getAuditHead, verifyAuditChain } from '../server/audit/audit.service.js';
import { systemActor } from '../server/auth/actor.js';
import { action, CliError, configFor, withDatabase } from './cli-context.js';

function headOption(value: string): ChainHead {
  const head = parseChainHead(value);
  if (!head)
    throw new InvalidArgumentError(
      'expected <seq>:<hash>, as `luoshi audit head` prints it (seq, colon, 64 hex digits).',
    );
  return head;
}

/** The one line `audit verify` prints. */
export function describeVerification(result: AuditVerification): string {
  if (result.ok) {
    return `Audit chain intact: ${result.count} entries verified; head ${result.head.seq} ${result.head.hash}`;
  }
  const { seq, id, problem, detail } = result.firstBad;
  const where = id === null ? `entry ${seq}` : `entry ${seq} (id ${id})`;
  return `Audit chain BROKEN at ${where}: ${problem} — ${detail}. ${result.count} entries before it are intact.`;
}

/** `luoshi audit verify` and `luoshi audit head`: check the hash chain; print its head to keep elsewhere. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('check the audit trail (a hash chain) for tampering');

  audit
    .command('verify')
    .description('walk the hash chain; name the first entry altered, deleted, inserted or moved (exit code 1)')
    .option(
      '--expect-head <seq:hash>',
      'a head noted earlier with `luoshi audit head`: also catches entries cut off the end',
      headOption,
    )
    .action(
      action(async (options: { expectHead?: ChainHead }, command: Command) => {
        const actor = systemActor('cli');
        const result = await withDatabase(configFor(command), (db) =>
          verifyAuditChain(db, { actor, expectedHead: options.expectHead }),
        );
        if (!result.ok) throw new CliError(describeVerification(result));
        process.stdout.write(`${describeVerification(result)}\n`);
      }),
    );

  audit
    .command('head')
    .description('print the newest entry as "<seq> <hash>", to keep outside the database')
    .action(
      action(async (_options: unknown, command: Command) => {
        const head = await withDatabase(configFor(command), (db) => getAuditHead(db, { actor: systemActor('cli') }));
        if (!head) throw new CliError('The audit chain has no head record (table audit_head): it was removed.');
        process.stdout.write(`${head.seq} ${head.hash}\n`);
      }),
    );
}
