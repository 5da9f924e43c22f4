import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it lands. Copies each task's status, deadline and updated_at into its
// task_units rows, kept equal by triggers, so "tasks a unit (or a subtree of units) leads or
// cooperates on, with this status and deadline, newest first" is answered from one task_units
// index instead of one task row per unit row (benchmarks: the lead-or-cooperating subtree list
// read ~150,000 task rows for a district; the scoped list ~4,600 for a department's staff).

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.toLowerCase().includes('postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const ts = pg ? 'timestamptz' : 'text';
  await db.schema.alterTable('task_units').addColumn('status', 'text').execute();
  await db.schema.alterTable('task_units').addColumn('deadline', 'text').execute();
  await db.schema.alterTable('task_units').addColumn('updated_at', ts).execute();
  await sql`update task_units set (status, deadline, updated_at) =
    (select t.status, t.deadline, t.updated_at from tasks t where t.id = task_units.task_id)`.execute(db);

  await db.schema.dropIndex('task_units_unit_idx').execute();
  await db.schema.dropIndex('task_units_path_idx').execute();
  // A unit's tasks newest first (scope, "my unit's tasks"), with what the filters test.
  await db.schema
    .createIndex('task_units_unit_idx')
    .on('task_units')
    .columns(['unit_id', 'updated_at', 'task_id', 'status', 'deadline', 'role'])
    .execute();
  // A subtree's tasks by status and deadline (one seek per unit path), sort key included.
  await db.schema
    .createIndex('task_units_path_idx')
    .on('task_units')
    .columns(['unit_path', 'status', 'deadline', 'updated_at', 'task_id', 'role'])
    .execute();

  if (pg) {
    await sql`create function task_units_fill() returns trigger language plpgsql as $$
      begin
        if new.status is null then
          select t.status, t.deadline, t.updated_at into new.status, new.deadline, new.updated_at
            from tasks t where t.id = new.task_id;
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger task_units_fill before insert on task_units
      for each row execute function task_units_fill()`.execute(db);
    await sql`create function tasks_sync_units() returns trigger language plpgsql as $$
      begin
        update task_units set status = new.status, deadline = new.deadline, updated_at = new.updated_at
          where task_id = new.id;
        return null;
      end $$`.execute(db);
    await sql`create trigger tasks_sync_units after update of status, deadline, updated_at on tasks
      for each row when (old.status is distinct from new.status or old.deadline is distinct from new.deadline
        or old.updated_at is distinct from new.updated_at)
      execute function tasks_sync_units()`.execute(db);
  } else {
    await sql`create trigger task_units_fill after insert on task_units
      when new.status is null begin
        update task_units set (status, deadline, updated_at) =
          (select t.status, t.deadline, t.updated_at from tasks t where t.id = new.task_id)
          where task_id = new.task_id and unit_id = new.unit_id;
      end`.execute(db);
    await sql`create trigger tasks_sync_units after update of status, deadline, updated_at on tasks
      when old.status is not new.status or old.deadline is not new.deadline or old.updated_at is not new.updated_at
      begin
        update task_units set status = new.status, deadline = new.deadline, updated_at = new.updated_at
          where task_id = new.id;
      end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await sql`drop trigger if exists tasks_sync_units ${pg ? sql`on tasks` : sql``}`.execute(db);
  await sql`drop trigger if exists task_units_fill ${pg ? sql`on task_units` : sql``}`.execute(db);
  if (pg) {
    await sql`drop function if exists tasks_sync_units()`.execute(db);
    await sql`drop function if exists task_units_fill()`.execute(db);
  }
  await db.schema.dropIndex('task_units_unit_idx').execute();
  await db.schema.dropIndex('task_units_path_idx').execute();
  await db.schema.alterTable('task_units').dropColumn('updated_at').execute();
  await db.schema.alterTable('task_units').dropColumn('deadline').execute();
  await db.schema.alterTable('task_units').dropColumn('status').execute();
  await db.schema.createIndex('task_units_unit_idx').on('task_units').columns(['unit_id', 'role', 'task_id']).execute();
  await db.schema.createIndex('task_units_path_idx').on('task_units').columns(['unit_path', 'task_id']).execute();
}
