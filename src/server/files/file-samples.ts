import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { type Actor, systemActor } from '../auth/actor.js';
import type { TestApp } from '../test/test-app.js';
import { crc32, pdfDocument, rgbPng } from './document-bytes.js';
import { fileStoreFor } from './file-store.js';
import type { FileListRow } from './files.repository.js';
import { uploadTaskFile } from './files.service.js';

// Real, small files built byte by byte for the tests (a PDF a reader opens, a 1×1 PNG, a zip laid
// out like a .docx), a multipart body builder for app.inject(), and a helper that stores a file
// through the upload service for suites that only need one to exist.

/** A one-page PDF with a correct cross-reference table; `note` goes into a comment to vary the bytes. */
export function samplePdf(note = ''): Buffer {
  return pdfDocument(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    ],
    { comment: note },
  );
}

/** A valid 1×1 RGB PNG of the given colour. */
export function samplePng(rgb: [number, number, number] = [200, 30, 30]): Buffer {
  return rgbPng(1, 1, () => rgb);
}

/** A zip with stored (uncompressed) entries, e.g. the parts of a minimal .docx. */
export function sampleZip(entries: Record<string, string> = { '[Content_Types].xml': '<Types/>' }): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const fileName = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a minimal Word document, zipped. */
export function sampleDocx(): Buffer {
  return sampleZip({
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'word/document.xml': '<w:document><w:body><w:p><w:r><w:t>进展情况</w:t></w:r></w:p></w:body></w:document>',
  });
}

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  content: Buffer | string;
}

/** A multipart/form-data body and its content type, for app.inject(). */
export function multipart(parts: MultipartPart[]): { payload: Buffer; contentType: string } {
  const boundary = `----luoshi${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const filename = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    const type = part.contentType ? `\r\nContent-Type: ${part.contentType}` : '';
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${filename}${type}\r\n\r\n`),
    );
    chunks.push(Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Every regular file under a directory (relative paths, sorted); none when it does not exist. */
export async function listFilesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
      .sort();
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw error;
  }
}

/** Stores a file on a task through the upload service (as the system unless told), for set-up. */
export function storeSampleFile(
  t: TestApp,
  taskId: number,
  file: { name?: string; content?: Buffer } = {},
  actor: Actor = systemActor('test'),
): Promise<FileListRow> {
  const content = file.content ?? samplePng();
  return uploadTaskFile(
    { db: t.db, store: fileStoreFor(t.config) },
    { taskId, actor, receive: async () => ({ name: file.name ?? '样本.png', stream: Readable.from([content]) }) },
  );
}
