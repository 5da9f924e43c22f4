// A little HTTP client for the bench's set-up requests (signing in, picking ids); the measured
// requests go through autocannon.

/** A signed-in user for the set-up requests. */
export interface Session {
  baseUrl: string;
  cookie: string;
  username: string;
}

/** Signs in and keeps the session cookie. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`signing in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .find((c) => c.startsWith('luoshi_session='));
  if (!cookie) throw new Error(`no session cookie for ${username}`);
  return { baseUrl, cookie, username };
}

/** GET a JSON answer as the session's user. */
export async function getJson<T>(session: Session, url: string): Promise<T> {
  const res = await fetch(`${session.baseUrl}/api/v1${url}`, { headers: { cookie: session.cookie } });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

/** The fields of the API's units and tasks the bench uses. */
export interface UnitItem {
  id: number;
  name: string;
  parentId: number | null;
  depth: number;
}

export interface TaskItem {
  id: number;
  depth: number;
  childCount: number;
  status: string;
  version: number;
}

/** Pages through GET /tasks with a cursor until `enough` items pass `keep`. */
export async function collectTasks(
  session: Session,
  query: string,
  keep: (task: TaskItem) => boolean,
  enough: number,
): Promise<TaskItem[]> {
  const found: TaskItem[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: TaskItem[]; nextCursor: string | null } = await getJson(
      session,
      `/tasks?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    found.push(...page.items.filter(keep));
    cursor = page.nextCursor;
  } while (cursor && found.length < enough);
  return found.slice(0, enough);
}
