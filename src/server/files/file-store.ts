import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors.js';

/** What storing a stream gave: the blob's name (its SHA-256, lower-case hex) and its length. */
export interface StoredBlob {
  sha256: string;
  sizeBytes: number;
}

/** Content read and hashed but not yet visible under its hash: commit or discard it. */
export interface StagedBlob extends StoredBlob {
  /** Makes the content readable under its hash (kept once when it is there already). */
  commit(): Promise<void>;
  /** Forgets the content. */
  discard(): Promise<void>;
}

/**
 * Where file contents live, named by their SHA-256 so identical contents are kept once. Rows in
 * `files` refer to blobs by hash; this interface is all the rest of the server knows about
 * storage, so an S3-compatible store (an object per hash: upload to a temporary key, or a multipart
 * upload, completed into place on commit) can replace the local one without touching the services.
 */
export interface FileStore {
  /**
   * Reads the stream to its end while hashing it and keeps the content under its hash. More than
   * `maxBytes` bytes: stops reading, keeps nothing and throws AppError 413 `file_too_large`. Storing
   * a content that is already there is fine (the one blob is shared).
   */
  put(source: Readable, options: { maxBytes: number }): Promise<StoredBlob>;
  /**
   * `put` in two steps, for callers that record the blob elsewhere first (a database row): the
   * content is read, hashed and limited like `put`, then made visible by `commit()`.
   */
  stage(source: Readable, options: { maxBytes: number }): Promise<StagedBlob>;
  /** The content of a blob, or null when there is no such blob. */
  open(sha256: string): Promise<Readable | null>;
  /** Removes a blob; removing one that is not there is not an error. */
  remove(sha256: string): Promise<void>;
  exists(sha256: string): Promise<boolean>;
}

const SHA256 = /^[0-9a-f]{64}$/;

function assertHash(sha256: string): void {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256 hash: ${JSON.stringify(sha256)}`);
}

/** Counts and hashes what flows through; fails the pipeline as soon as the limit is passed. */
class HashingLimit extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      done(new AppError('file_too_large', { limit: formatBytes(this.maxBytes), maxBytes: this.maxBytes }));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
}

/** `52428800` → `50 MB`, for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

function isMissing(error: unknown): boolean {
  return (error as { code?: string }).code === 'ENOENT';
}

/**
 * The file store on local disk: `<root>/<aa>/<bb>/<sha256>`, written through `<root>/tmp/` and
 * renamed into place only when complete, within the limit and committed, so a blob is never seen half
 * written and nothing is left behind by a refused upload. With PostgreSQL and several app nodes,
 * `<root>` (the data dir's `files/`) must be storage every node shares (NFS or similar), or each
 * node would only have its own uploads.
 */
export function createLocalFileStore(root: string): FileStore {
  const tmpDir = path.join(root, 'tmp');
  const blobPath = (sha256: string) => {
    assertHash(sha256);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  const exists = async (sha256: string) => {
    try {
      return (await stat(blobPath(sha256))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  };

  const stage: FileStore['stage'] = async (source, { maxBytes }) => {
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomUUID()}.part`);
    const counter = new HashingLimit(maxBytes);
    try {
      // `flush`: the bytes are on disk before a rename can make the blob visible.
      await pipeline(source, counter, createWriteStream(tmp, { flags: 'wx', flush: true }));
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    const sha256 = counter.hash.digest('hex');
    const discard = () => rm(tmp, { force: true });
    return {
      sha256,
      sizeBytes: counter.size,
      discard,
      async commit() {
        try {
          if (await exists(sha256)) {
            await discard();
            return;
          }
          await mkdir(path.dirname(blobPath(sha256)), { recursive: true });
          await rename(tmp, blobPath(sha256));
        } catch (error) {
          await discard();
          throw error;
        }
      },
    };
  };

  return {
    stage,

    async put(source, options) {
      const staged = await stage(source, options);
      await staged.commit();
      return { sha256: staged.sha256, sizeBytes: staged.sizeBytes };
    },

    async open(sha256) {
      const file = blobPath(sha256);
      try {
        await stat(file);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      return createReadStream(file);
    },

    async remove(sha256) {
      await rm(blobPath(sha256), { force: true });
    },

    exists,
  };
}

/** The store under the configured data dir (`<data dir>/files`). */
export function fileStoreFor(config: { dataDir: string }): FileStore {
  return createLocalFileStore(path.join(config.dataDir, 'files'));
}
