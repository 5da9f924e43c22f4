import { type IRunOptions, TextRun } from 'docx';

// The fonts of an official .docx. GB/T 9704 names 方正小标宋简体 for the letterhead and title,
// 仿宋_GB2312 for the body, 黑体 for headings and 楷体_GB2312 for the signer, which many machines
// lack; the font table therefore gives each an alternative every Chinese Windows and WPS has (宋体,
// 仿宋, SimHei, 楷体), so the document never falls back to a Latin font. Latin letters and digits
// are set in Times New Roman.

export const DOCX_FONTS = {
  title: { name: '方正小标宋简体', alt: '宋体' },
  body: { name: '仿宋_GB2312', alt: '仿宋' },
  heading: { name: '黑体', alt: 'SimHei' },
  kai: { name: '楷体_GB2312', alt: '楷体' },
} as const;
export type DocxFont = keyof typeof DOCX_FONTS;

/** The run fonts of one official font: Chinese in it, Latin in Times New Roman, shared characters Chinese. */
export function runFonts(font: DocxFont) {
  return { eastAsia: DOCX_FONTS[font].name, ascii: 'Times New Roman', hAnsi: 'Times New Roman', hint: 'eastAsia' };
}

/** A run of text in one of the official fonts, `sizePt` points. */
export function run(text: string, font: DocxFont, sizePt: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: runFonts(font), size: sizePt * 2, ...extra });
}

/** word/fontTable.xml: each official font with the alternative Word and WPS use where it is missing. */
export function fontTableXml(): string {
  const chinese = Object.values(DOCX_FONTS)
    .map(
      (font) =>
        `<w:font w:name="${font.name}"><w:altName w:val="${font.alt}"/><w:charset w:val="86"/>` +
        '<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    chinese +
    '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>' +
    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>'
  );
}
