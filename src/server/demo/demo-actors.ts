import type { Actor } from '../auth/actor.js';
import { actorFromUser } from '../auth/auth.service.js';
import type { Database } from '../db/connect.js';
import { findUserById, findUserRowByUsername } from '../users/users.repository.js';

// The demo acts as its people (the supervision office, each unit's head and liaison officer), so
// every step lands in the audit trail, the timelines and the inboxes under a real name.

/** A demo person as an actor, or undefined when there is no such account. */
export async function actorFor(db: Database, username: string): Promise<Actor | undefined> {
  const row = await findUserRowByUsername(db, username);
  const user = row ? await findUserById(db, row.id) : undefined;
  return user ? actorFromUser(user, 'session', { ip: null, requestId: null }) : undefined;
}

/** The id of a demo person, or null for no name or no such account. */
export async function userId(db: Database, username: string | undefined): Promise<number | null> {
  return username ? ((await findUserRowByUsername(db, username))?.id ?? null) : null;
}

/** Who acts for a unit (by its demo key) or for the supervision office; read once each. */
export interface DemoCast {
  supervisor: Actor;
  staff(unit: string): Promise<Actor>;
  head(unit: string): Promise<Actor>;
}

/** The demo's people as actors: `fgw.staff`, `fgw.head`, and 督查室's 李明 for the supervision office. */
export function demoCast(db: Database, supervisor: Actor): DemoCast {
  const known = new Map<string, Actor>();
  const get = async (username: string) => {
    let actor = known.get(username);
    if (!actor) {
      actor = await actorFor(db, username);
      if (!actor) throw new Error(`the demo person ${username} is missing`);
      known.set(username, actor);
    }
    return actor;
  };
  return {
    supervisor,
    staff: (unit) => get(`${unit}.staff`),
    head: (unit) => get(`${unit}.head`),
  };
}
