import { describe, expect, it } from 'vitest';
import {
  ALLOWED_EXTENSIONS,
  checkFileType,
  FILE_NAME_MAX,
  fileExtension,
  isPreviewable,
  sanitiseFileName,
  sniffFileFamily,
} from './file-types.js';

function bytes(...parts: Array<string | number[]>): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') out.push(...Buffer.from(part, 'latin1'));
    else out.push(...part);
  }
  return Uint8Array.from(out);
}

const zeros = (n: number) => new Array<number>(n).fill(0);

const SAMPLES = {
  pdf: bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR'),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0'),
  gif87: bytes('GIF87a', [1, 0, 1, 0]),
  gif89: bytes('GIF89a', [1, 0, 1, 0]),
  webp: bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '),
  bmp: bytes('BM', [0x46, 0, 0, 0], zeros(4), [0x36, 0, 0, 0], [40, 0, 0, 0], [1, 0, 0, 0]),
  tiffLittle: bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]),
  tiffBig: bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]),
  zip: bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0], '[Content_Types].xml'),
  ole: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], zeros(16)),
  html: bytes('<!DOCTYPE html><html><script>alert(1)</script>'),
  svg: bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'),
  text: bytes('BMW 的年度报告，纯文本'),
  pdfLate: bytes('   %PDF-1.4'),
  empty: bytes(),
};

describe(sniffFileFamily.name, () => {
  it.each([
    ['pdf', SAMPLES.pdf, 'pdf'],
    ['png', SAMPLES.png, 'png'],
    ['jpeg', SAMPLES.jpeg, 'jpeg'],
    ['gif 87a', SAMPLES.gif87, 'gif'],
    ['gif 89a', SAMPLES.gif89, 'gif'],
    ['webp', SAMPLES.webp, 'webp'],
    ['bmp', SAMPLES.bmp, 'bmp'],
    ['tiff, little-endian', SAMPLES.tiffLittle, 'tiff'],
    ['tiff, big-endian', SAMPLES.tiffBig, 'tiff'],
    ['zip (Office Open XML, OFD)', SAMPLES.zip, 'zip'],
    ['OLE compound document', SAMPLES.ole, 'ole'],
    ['HTML', SAMPLES.html, null],
    ['SVG', SAMPLES.svg, null],
    ['text starting with BM', SAMPLES.text, null],
    ['a PDF signature not at byte 0', SAMPLES.pdfLate, null],
    ['nothing at all', SAMPLES.empty, null],
    ['a truncated PNG signature', bytes([0x89, 0x50, 0x4e]), null],
    ['RIFF that is not WebP (WAV)', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), null],
  ])('should read %s', (_label, head, family) => {
    expect(sniffFileFamily(head)).toBe(family);
  });
});

describe(checkFileType.name, () => {
  it.each([
    ['年度报告.pdf', SAMPLES.pdf, 'application/pdf'],
    ['现场照片.PNG', SAMPLES.png, 'image/png'],
    ['photo.jpg', SAMPLES.jpeg, 'image/jpeg'],
    ['photo.jpeg', SAMPLES.jpeg, 'image/jpeg'],
    ['动图.gif', SAMPLES.gif89, 'image/gif'],
    ['pic.webp', SAMPLES.webp, 'image/webp'],
    ['扫描件.bmp', SAMPLES.bmp, 'image/bmp'],
    ['扫描件.tif', SAMPLES.tiffLittle, 'image/tiff'],
    ['扫描件.tiff', SAMPLES.tiffBig, 'image/tiff'],
    ['材料.zip', SAMPLES.zip, 'application/zip'],
    ['方案.docx', SAMPLES.zip, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['台账.xlsx', SAMPLES.zip, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['汇报.pptx', SAMPLES.zip, 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['公文.ofd', SAMPLES.zip, 'application/ofd'],
    ['旧方案.doc', SAMPLES.ole, 'application/msword'],
    ['旧台账.xls', SAMPLES.ole, 'application/vnd.ms-excel'],
    ['旧汇报.ppt', SAMPLES.ole, 'application/vnd.ms-powerpoint'],
    ['文字.wps', SAMPLES.ole, 'application/kswps'],
    ['新文字.wps', SAMPLES.zip, 'application/kswps'],
    ['表格.et', SAMPLES.ole, 'application/kset'],
    ['演示.dps', SAMPLES.zip, 'application/ksdps'],
  ])('should accept %s as %s', (name, head, contentType) => {
    expect(checkFileType(name, head)).toMatchObject({ ok: true, contentType });
  });

  it.each([
    ['a .pdf that is HTML', '报告.pdf', SAMPLES.html, 'content_mismatch'],
    ['a .png that is a PDF', 'photo.png', SAMPLES.pdf, 'content_mismatch'],
    ['a .docx that is an OLE file', 'a.docx', SAMPLES.ole, 'content_mismatch'],
    ['a .doc that is a zip', 'a.doc', SAMPLES.zip, 'content_mismatch'],
    ['an empty .pdf', 'empty.pdf', SAMPLES.empty, 'content_mismatch'],
    ['an .html page', 'page.html', SAMPLES.html, 'extension_not_allowed'],
    ['an .svg image', 'logo.svg', SAMPLES.svg, 'extension_not_allowed'],
    ['an executable with a PDF inside', 'setup.exe', SAMPLES.pdf, 'extension_not_allowed'],
    ['a name without an extension', 'README', SAMPLES.pdf, 'extension_not_allowed'],
    ['a macro workbook', 'macro.xlsm', SAMPLES.zip, 'extension_not_allowed'],
    ['an inherited object key as extension', 'x.constructor', SAMPLES.pdf, 'extension_not_allowed'],
  ])('should refuse %s', (_label, name, head, reason) => {
    expect(checkFileType(name, head)).toMatchObject({ ok: false, reason });
  });

  it('should have a content type for every allowed extension', () => {
    expect(ALLOWED_EXTENSIONS).toContain('ofd');
    expect(ALLOWED_EXTENSIONS).not.toContain('html');
  });
});

describe(fileExtension.name, () => {
  it.each([
    ['报告.PDF', 'pdf'],
    ['a.tar.gz', 'gz'],
    ['noext', ''],
    ['.hidden', ''],
    ['trailing.', ''],
  ])('should read %s as %j', (name, extension) => {
    expect(fileExtension(name)).toBe(extension);
  });
});

describe(isPreviewable.name, () => {
  it.each([
    ['application/pdf', true],
    ['image/png', true],
    ['image/tiff', true],
    ['application/zip', false],
    ['application/msword', false],
  ])('should say %s is previewable: %s', (contentType, expected) => {
    expect(isPreviewable(contentType)).toBe(expected);
  });
});

describe(sanitiseFileName.name, () => {
  it.each([
    ['a plain Chinese name', '2026年一季度进展报告.pdf', '2026年一季度进展报告.pdf'],
    ['a Traditional Chinese name', '進展報告（第一季）.docx', '進展報告（第一季）.docx'],
    ['a Unix path', '../../etc/passwd.pdf', 'passwd.pdf'],
    ['a Windows path', 'C:\\Users\\张三\\桌面\\材料.xlsx', '材料.xlsx'],
    ['reserved characters', 'a*b?c"d<e>f|g:h.pdf', 'abcdefgh.pdf'],
    ['control characters', 'bad\u0000na\u0007me\u009b.pdf', 'badname.pdf'],
    ['spaces around a removed character', '方案 * 终稿.pdf', '方案 终稿.pdf'],
    ['line breaks', '第一行\r\n第二行.pdf', '第一行 第二行.pdf'],
    ['a right-to-left override', '报告\u202efdp.exe', '报告fdp.exe'],
    ['runs of whitespace', '  会议\t\t纪要   终稿 .pdf  ', '会议 纪要 终稿 .pdf'],
    ['leading dots', '...hidden.pdf', 'hidden.pdf'],
    ['trailing dots and spaces', 'report.pdf. . ', 'report.pdf'],
    ['nothing but dots', '....', 'file'],
    ['an empty name', '', 'file'],
    ['only reserved characters', '<>:"/\\|?*', 'file'],
    ['a path ending in a slash', 'folder/', 'file'],
    ['decomposed accents (normalised to NFC)', 'Cafe\u0301.pdf', 'Café.pdf'],
  ])('should handle %s', (_label, input, expected) => {
    expect(sanitiseFileName(input)).toBe(expected);
  });

  it('should cap a long name at 200 characters keeping the extension', () => {
    const name = sanitiseFileName(`${'很长的文件名'.repeat(50)}.docx`);
    expect(Array.from(name)).toHaveLength(FILE_NAME_MAX);
    expect(name.endsWith('.docx')).toBe(true);
    expect(name.startsWith('很长的文件名')).toBe(true);
  });

  it('should count characters, not UTF-16 units, and never split a surrogate pair', () => {
    const name = sanitiseFileName(`${'𠀀'.repeat(250)}.pdf`);
    expect(Array.from(name)).toHaveLength(FILE_NAME_MAX);
    expect(name).toBe(`${'𠀀'.repeat(196)}.pdf`);
  });

  it('should not keep an absurdly long "extension" when shortening', () => {
    const name = sanitiseFileName(`a.${'b'.repeat(300)}`);
    expect(Array.from(name)).toHaveLength(FILE_NAME_MAX);
    expect(name.startsWith('a.bbb')).toBe(true);
  });

  it('should leave a name of exactly 200 characters alone', () => {
    const exact = `${'材'.repeat(196)}.pdf`;
    expect(sanitiseFileName(exact)).toBe(exact);
  });
});
