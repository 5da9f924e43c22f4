import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import { DOCUMENT_FILE_TYPES } from '../../shared/document-import-api.js';
import { AppError } from '../errors.js';

// The text of an uploaded document: Word files through mammoth's raw-text reader, plain text in
// whatever encoding Chinese offices save it in (UTF-8, UTF-16 with a byte-order mark, or GB18030
// — the superset of GBK that Notepad on a Chinese Windows writes).

/** A .docx is a zip: it starts with a local file header. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/** Plain text in UTF-8, UTF-16 (by its mark) or GB18030; binary content is refused. */
function decodeText(bytes: Buffer, name: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf16be');
  if (bytes.includes(0)) throw new AppError('import_file_unreadable', { name }, 'file');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

/** The raw text of a Word document; paragraphs one per line. */
async function docxText(bytes: Buffer, name: string): Promise<string> {
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw new AppError('import_file_unreadable', { name }, 'file');
  try {
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    return value.replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n');
  } catch {
    throw new AppError('import_file_unreadable', { name }, 'file');
  }
}

/** The text of an uploaded .txt, .md or .docx; anything else, or unreadable content, is a 415. */
export async function extractUploadText(file: { name: string; bytes: Buffer }): Promise<string> {
  const extension = extensionOf(file.name);
  if (!(DOCUMENT_FILE_TYPES as readonly string[]).includes(extension)) {
    throw new AppError('import_file_unreadable', { name: file.name }, 'file');
  }
  const text = extension === '.docx' ? await docxText(file.bytes, file.name) : decodeText(file.bytes, file.name);
  return text.replace(/^\uFEFF/, '');
}
