// One blob (one SHA-256) is shared by every row with that content. "No live row uses it any more,
// remove it" and "place the content of a row just committed" must not interleave, or the removal
// could take away a blob a new row needs. Both run under this lock, per hash, within one process;
// with several app nodes on shared storage a tiny window remains between nodes (an upload of the
// same content on one node exactly while another deletes its last row).

const queues = new Map<string, Promise<void>>();

/** Runs `work` once every earlier holder of this hash's lock is done. */
export async function withBlobLock<T>(sha256: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(sha256) ?? Promise.resolve();
  let release: () => void = () => {};
  const mine = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tail = previous.then(() => mine);
  queues.set(sha256, tail);
  await previous;
  try {
    return await work();
  } finally {
    release();
    if (queues.get(sha256) === tail) queues.delete(sha256);
  }
}
