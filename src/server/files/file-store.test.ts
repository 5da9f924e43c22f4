import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFilesUnder } from './file-samples.js';
import { createLocalFileStore, type FileStore, formatBytes } from './file-store.js';

// The local, content-addressed store on its own (no database): what ends up on disk after each
// outcome of `put`.

let root: string;
let store: FileStore;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'luoshi-store-'));
  store = createLocalFileStore(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A stream delivering the text in several chunks, like a network upload. */
function chunked(content: string, size = 7): Readable {
  const bytes = Buffer.from(content, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

const hashOf = (content: string) => createHash('sha256').update(content, 'utf8').digest('hex');

describe(createLocalFileStore.name, () => {
  it('should keep the content under <aa>/<bb>/<sha256> and read it back', async () => {
    const content = '进展情况：已完成年度目标的百分之六十。';
    const blob = await store.put(chunked(content), { maxBytes: 1000 });
    expect(blob).toEqual({ sha256: hashOf(content), sizeBytes: Buffer.byteLength(content) });
    const file = path.join(root, blob.sha256.slice(0, 2), blob.sha256.slice(2, 4), blob.sha256);
    expect(await readFile(file, 'utf8')).toBe(content);
    expect(await store.exists(blob.sha256)).toBe(true);
    const stream = await store.open(blob.sha256);
    expect(stream && (await text(stream))).toBe(content);
  });

  it('should keep one blob when the same content is stored twice', async () => {
    const content = '同样的内容';
    const first = await store.put(chunked(content), { maxBytes: 1000 });
    const second = await store.put(chunked(content, 3), { maxBytes: 1000 });
    expect(second).toEqual(first);
    expect((await listFilesUnder(root)).filter((name) => name.endsWith(first.sha256))).toHaveLength(1);
    expect(await listFilesUnder(path.join(root, 'tmp'))).toEqual([]);
  });

  it('should take exactly the limit and refuse one byte more with 413, leaving nothing behind', async () => {
    const before = await listFilesUnder(root);
    await expect(store.put(chunked('x'.repeat(101)), { maxBytes: 100 })).rejects.toMatchObject({
      code: 'file_too_large',
      status: 413,
      params: { maxBytes: 100 },
    });
    expect(await listFilesUnder(root)).toEqual(before);
    const exact = await store.put(chunked('y'.repeat(100)), { maxBytes: 100 });
    expect(exact.sizeBytes).toBe(100);
  });

  it('should make staged content visible only on commit, and leave nothing on discard', async () => {
    const before = await listFilesUnder(root);
    const kept = await store.stage(chunked('暂存后提交'), { maxBytes: 1000 });
    expect(await store.exists(kept.sha256)).toBe(false);
    await kept.commit();
    expect(await store.exists(kept.sha256)).toBe(true);
    const dropped = await store.stage(chunked('暂存后放弃'), { maxBytes: 1000 });
    await dropped.discard();
    expect(await store.exists(dropped.sha256)).toBe(false);
    expect((await listFilesUnder(root)).filter((name) => !before.includes(name))).toEqual([
      path.join(kept.sha256.slice(0, 2), kept.sha256.slice(2, 4), kept.sha256),
    ]);
  });

  it('should leave nothing behind when the source fails midway', async () => {
    const before = await listFilesUnder(root);
    const failing = Readable.from(
      (async function* () {
        yield Buffer.from('第一块');
        throw new Error('connection reset');
      })(),
    );
    await expect(store.put(failing, { maxBytes: 1000 })).rejects.toThrow('connection reset');
    expect(await listFilesUnder(root)).toEqual(before);
  });

  it('should remove a blob, answer null for a missing one, and refuse names that are not hashes', async () => {
    const blob = await store.put(chunked('将被删除'), { maxBytes: 1000 });
    await store.remove(blob.sha256);
    await store.remove(blob.sha256);
    expect(await store.exists(blob.sha256)).toBe(false);
    expect(await store.open(blob.sha256)).toBeNull();
    await expect(store.open('../../etc/passwd')).rejects.toThrow('not a SHA-256');
    await expect(store.exists('A'.repeat(64))).rejects.toThrow('not a SHA-256');
  });
});

describe(formatBytes.name, () => {
  it.each([
    [52428800, '50 MB'],
    [1572864, '1.5 MB'],
    [1024, '1 KB'],
    [1000, '1000 bytes'],
  ])('should write %i as %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});
