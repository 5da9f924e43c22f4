import type { Command } from 'commander';
import { systemActor } from '../server/auth/actor.js';
import { type DemoLoadResult, loadDemo } from '../server/demo/demo.service.js';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../server/demo/demo-data.js';
import { ROLES } from '../shared/roles.js';
import { action, configFor, describeDatabase, ensureFirstAdminFromCli, withDatabase } from './cli-context.js';

const SHOWN_EXISTING = 8;

function summarise(result: DemoLoadResult, seconds: number): string {
  const { units, users } = result;
  const lines = [
    `Demo organisation 江川市 loaded in ${seconds.toFixed(1)} s:`,
    `  units:  ${units.created} created, ${units.existing} already existed`,
    `  people: ${users.created} created, ${users.existing} already existed`,
    result.tasks
      ? `  tasks:  ${result.tasks.existing ? 'the demo work report was already there' : `${result.tasks.created} created from the 2026 work report`}`
      : '',
    result.tasks && !result.tasks.existing
      ? `  follow-up: ${result.tasks.plans} plans, ${result.tasks.reports} progress reports, ${result.tasks.files} evidence files, ${result.tasks.closures} closure applications`
      : '',
    result.tasks && !result.tasks.existing
      ? `  supervision: lights for every open task, ${result.tasks.supervision.actions} reminders, urges and notices, ${result.tasks.supervision.requests} extension, coordination and instruction requests`
      : '',
    result.closingLoop
      ? `  closing the loop: ${result.closingLoop.periods} assessment periods (one frozen), ${result.closingLoop.reviews} item reviews, ${result.closingLoop.rectifications} rectification, ${result.closingLoop.cases} cases, bulletin ${result.closingLoop.bulletin}, accountability record ${result.closingLoop.accountability}`
      : '',
  ].filter(Boolean);
  if (users.existingUsernames.length) {
    const shown = users.existingUsernames.slice(0, SHOWN_EXISTING).join(', ');
    const more = users.existingUsernames.length - SHOWN_EXISTING;
    lines.push(`  already there (kept as they were): ${shown}${more > 0 ? ` and ${more} more` : ''}`);
  }
  lines.push('', `Every demo account has the password: ${DEMO_PASSWORD}`, 'For example:');
  for (const role of ROLES) {
    const person = DEMO_PEOPLE.find((p) => p.roles.includes(role));
    if (person) lines.push(`  ${role.padEnd(11)} ${person.username.padEnd(18)} ${person.displayName}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `luoshi demo`: load the demo city and its people; running it again creates nothing twice. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      `load the demo organisation (江川市, ~100 units, ~70 people, password ${DEMO_PASSWORD}); safe to repeat`,
    )
    .action(
      action(async (_options: unknown, command: Command) => {
        const config = configFor(command);
        await withDatabase(config, async (db) => {
          process.stdout.write(`Database: ${describeDatabase(config)}\n`);
          await ensureFirstAdminFromCli(db, config);
          const started = performance.now();
          const result = await loadDemo(db, { actor: systemActor('demo'), config });
          process.stdout.write(summarise(result, (performance.now() - started) / 1000));
        });
      }),
    );
}
