// Which evidence files are accepted, decided by what the bytes are and not only by the name: a file
// is taken when its extension is on the allow-list AND its first bytes are of that extension's
// family. A `.pdf` that is really HTML is refused, so nothing served back as a PDF can be a page.

/** What the first bytes of a file say it is. */
export type FileFamily = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'tiff' | 'zip' | 'ole';

/** How many leading bytes the sniffer needs to tell every family apart. */
export const SNIFF_BYTES = 32;

interface AllowedType {
  /** The content type stored and served for files with this extension. */
  contentType: string;
  /** The families the content may be of. */
  families: readonly FileFamily[];
}

const OOXML = 'application/vnd.openxmlformats-officedocument';

/**
 * The allow-list, by lower-case extension. Office Open XML, OFD and WPS's newer files are ZIP
 * containers; the older Office and WPS formats (.doc/.xls/.ppt/.wps/.et/.dps) are OLE compound
 * documents. WPS writes .wps/.et/.dps in either form depending on its version, so both are taken.
 */
export const ALLOWED_FILE_TYPES: Readonly<Record<string, AllowedType>> = {
  pdf: { contentType: 'application/pdf', families: ['pdf'] },
  png: { contentType: 'image/png', families: ['png'] },
  jpg: { contentType: 'image/jpeg', families: ['jpeg'] },
  jpeg: { contentType: 'image/jpeg', families: ['jpeg'] },
  gif: { contentType: 'image/gif', families: ['gif'] },
  webp: { contentType: 'image/webp', families: ['webp'] },
  bmp: { contentType: 'image/bmp', families: ['bmp'] },
  tif: { contentType: 'image/tiff', families: ['tiff'] },
  tiff: { contentType: 'image/tiff', families: ['tiff'] },
  zip: { contentType: 'application/zip', families: ['zip'] },
  docx: { contentType: `${OOXML}.wordprocessingml.document`, families: ['zip'] },
  xlsx: { contentType: `${OOXML}.spreadsheetml.sheet`, families: ['zip'] },
  pptx: { contentType: `${OOXML}.presentationml.presentation`, families: ['zip'] },
  ofd: { contentType: 'application/ofd', families: ['zip'] },
  doc: { contentType: 'application/msword', families: ['ole'] },
  xls: { contentType: 'application/vnd.ms-excel', families: ['ole'] },
  ppt: { contentType: 'application/vnd.ms-powerpoint', families: ['ole'] },
  wps: { contentType: 'application/kswps', families: ['ole', 'zip'] },
  et: { contentType: 'application/kset', families: ['ole', 'zip'] },
  dps: { contentType: 'application/ksdps', families: ['ole', 'zip'] },
};

/** The extensions on the allow-list, for an `accept` attribute or a message. */
export const ALLOWED_EXTENSIONS: readonly string[] = Object.keys(ALLOWED_FILE_TYPES);

function startsWith(head: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (head.length < offset + signature.length) return false;
  return signature.every((byte, i) => head[offset + i] === byte);
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

/** BMP's signature is only "BM": also require the reserved words to be zero and a known DIB header size. */
function isBmp(head: Uint8Array): boolean {
  if (!startsWith(head, ascii('BM')) || head.length < 18) return false;
  if (head[6] !== 0 || head[7] !== 0 || head[8] !== 0 || head[9] !== 0) return false;
  const dibSize = (head[14] ?? 0) | ((head[15] ?? 0) << 8) | ((head[16] ?? 0) << 16) | ((head[17] ?? 0) << 24);
  return [12, 40, 52, 56, 64, 108, 124].includes(dibSize);
}

/**
 * The family of a file from its first bytes (at least SNIFF_BYTES of them when the file is that
 * long), or null when it is none of the accepted ones. Signatures must start at byte 0.
 */
export function sniffFileFamily(head: Uint8Array): FileFamily | null {
  if (startsWith(head, ascii('%PDF-'))) return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp';
  if (isBmp(head)) return 'bmp';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  return null;
}

/** The lower-case extension of a file name (`报告.PDF` → `pdf`), or '' when it has none. */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export type FileTypeCheck =
  | { ok: true; contentType: string; extension: string; family: FileFamily }
  | { ok: false; reason: 'extension_not_allowed' | 'content_mismatch'; extension: string; family: FileFamily | null };

/**
 * Whether a file may be stored: its extension must be on the allow-list and its content of that
 * extension's family. On success gives the canonical content type to store and serve (never the
 * one the client claimed).
 */
export function checkFileType(name: string, head: Uint8Array): FileTypeCheck {
  const extension = fileExtension(name);
  const family = sniffFileFamily(head);
  const allowed = Object.hasOwn(ALLOWED_FILE_TYPES, extension) ? ALLOWED_FILE_TYPES[extension] : undefined;
  if (!allowed) return { ok: false, reason: 'extension_not_allowed', extension, family };
  if (!family || !allowed.families.includes(family))
    return { ok: false, reason: 'content_mismatch', extension, family };
  return { ok: true, contentType: allowed.contentType, extension, family };
}

/** True for the content types a browser may show inline (images and PDF), for previews. */
export function isPreviewable(contentType: string): boolean {
  return contentType === 'application/pdf' || contentType.startsWith('image/');
}

/** The longest name kept, in characters (code points). */
export const FILE_NAME_MAX = 200;
/** An extension longer than this is not treated as one when a long name is shortened. */
const EXTENSION_MAX = 16;

// C0 and C1 controls, DEL, and the bidirectional marks, overrides and isolates (U+200E, U+200F,
// U+202A–U+202E, U+2066–U+2069): a right-to-left override before `fdp.exe` makes it display as
// `exe.pdf`. Matching control characters is the point here.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const RESERVED = /[\\/:*?"<>|]/g;

/**
 * A file name safe to store and to put in a Content-Disposition header: the last path segment
 * only; whitespace runs (tabs and line breaks too) become one space; without control characters,
 * the characters Windows reserves (\ / : * ? " < > |) or leading dots; at most FILE_NAME_MAX characters with the extension
 * kept. Chinese and other letters stay as they are. Nothing left → `file`.
 */
export function sanitiseFileName(name: string): string {
  const lastSegment = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment
    .replace(/\s+/g, ' ')
    .replace(CONTROL, '')
    .replace(RESERVED, '')
    .replace(/ {2,}/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (cleaned === '') return 'file';
  const chars = Array.from(cleaned);
  if (chars.length <= FILE_NAME_MAX) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? cleaned.slice(dot) : '';
  const keep = Array.from(extension).length <= EXTENSION_MAX ? extension : '';
  const base = Array.from(cleaned.slice(0, cleaned.length - keep.length))
    .slice(0, FILE_NAME_MAX - Array.from(keep).length)
    .join('')
    .trimEnd()
    .replace(/[.\s]+$/, '');
  return `${base}${keep}`;
}
