// The bulletin laid out like the official document, on screen and on paper: an A4 sheet with GB/T
// 9704's margins on the print page (full width on a phone), a smaller sheet in the editor's preview.
export const BULLETIN_SHEET_CSS = `
.bulletin-sheet {
  box-sizing: border-box; background: #fff; color: #000;
  font-family: "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", serif;
  font-size: 16pt; line-height: 1.6; overflow-wrap: anywhere;
}
.bulletin-sheet.is-page { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 37mm 26mm 35mm 28mm; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.15); }
.bulletin-sheet.is-panel { padding: 28px 24px; font-size: 14px; border: 1px solid #e5e5e5; }
.bulletin-letterhead {
  color: #d40000; text-align: center; font-weight: bold; letter-spacing: 0.05em; margin: 0 0 0.6em; line-height: 1.25;
  font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "Noto Serif CJK SC", "Noto Serif SC", "SimSun", serif;
}
.bulletin-number { text-align: center; }
.bulletin-rule { border: 0; border-top: 2pt solid #d40000; margin: 0.25em 0 0.9em; }
.bulletin-heading-title { text-align: center; font-size: 1.35em; font-weight: bold; margin: 0.4em 0 0.8em; line-height: 1.4;
  font-family: "方正小标宋简体", "STZhongsong", "Noto Serif CJK SC", "Noto Serif SC", "SimSun", serif; }
.bulletin-sheet p { margin: 0; text-indent: 2em; text-align: justify; white-space: pre-wrap; }
.bulletin-sheet p.is-flush { text-indent: 0; }
.bulletin-sheet h3 { font-size: 1em; margin: 0.3em 0 0; text-indent: 2em; font-weight: normal;
  font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; }
.bulletin-table { width: 100%; border-collapse: collapse; font-size: 0.875em; line-height: 1.45; margin: 0.3em 0 0.6em; }
.bulletin-table th, .bulletin-table td { border: 0.75pt solid #000; padding: 0.25em 0.4em; vertical-align: middle; }
.bulletin-table th { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-weight: normal; text-align: center; }
.bulletin-table td.num { text-align: right; white-space: nowrap; }
.bulletin-table td.mid { text-align: center; white-space: nowrap; }
.bulletin-signature { text-align: right; margin: 1.2em 4em 0 0; break-inside: avoid; }
.bulletin-record { display: flex; justify-content: space-between; gap: 1em; border-top: 1pt solid #000; border-bottom: 1pt solid #000;
  margin-top: 1.5em; padding: 0.25em 1em; font-size: 0.875em; break-inside: avoid; }
@media (max-width: 820px) {
  .bulletin-sheet.is-page { width: auto; min-height: 0; padding: 16px; box-shadow: none; font-size: 15px; }
  .bulletin-sheet.is-panel { padding: 16px 12px; }
  .bulletin-signature { margin-right: 0; }
  .bulletin-table { font-size: 12px; }
}
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  .bulletin-sheet.is-page { width: auto; min-height: 0; padding: 0; margin: 0; box-shadow: none; }
}
`;
