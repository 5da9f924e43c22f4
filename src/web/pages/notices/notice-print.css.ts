// The printable notice's styles: an A4 sheet on screen (full width on a phone), and on paper the
// page itself with GB/T 9704's margins (上 37 mm, 下 35 mm, 左 28 mm, 右 26 mm) and nothing else.
export const NOTICE_PRINT_CSS = `
.notice-print { background: #f0f0f0; min-height: 100vh; padding: 16px 0 32px; }
.notice-toolbar { display: flex; justify-content: space-between; gap: 8px; max-width: 210mm; margin: 0 auto 12px; padding: 0 12px; }
.notice-sheet {
  box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 0 auto; padding: 37mm 26mm 35mm 28mm;
  background: #fff; color: #000; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.15);
  font-family: "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", serif;
  font-size: 16pt; line-height: 1.6;
}
.notice-letterhead {
  color: #d40000; text-align: center; font-weight: bold; letter-spacing: 0.05em; margin: 0 0 14pt;
  font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "Noto Serif CJK SC", "Noto Serif SC", "SimSun", serif;
}
.notice-number { display: flex; justify-content: space-between; gap: 12pt; flex-wrap: wrap; }
.notice-rule { border: 0; border-top: 2pt solid #d40000; margin: 4pt 0 14pt; }
.notice-table { width: 100%; border-collapse: collapse; font-size: 14pt; line-height: 1.5; margin: 6pt 0 12pt; }
.notice-table th, .notice-table td { border: 0.75pt solid #000; padding: 5pt 7pt; vertical-align: top; text-align: left; }
.notice-table th { width: 6em; white-space: nowrap; font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-weight: normal; }
.notice-table td { white-space: pre-wrap; overflow-wrap: anywhere; }
.notice-signature { text-align: right; margin: 18pt 4em 0 0; }
.notice-record { border-top: 1pt solid #000; border-bottom: 1pt solid #000; margin-top: 24pt; padding: 4pt 1em; font-size: 14pt; }
.notice-signature, .notice-record { break-inside: avoid; }
@media (max-width: 820px) {
  .notice-print { padding: 0; background: #fff; }
  .notice-toolbar { padding: 12px; margin: 0; }
  .notice-sheet { width: auto; min-height: 0; padding: 16px; box-shadow: none; font-size: 15px; }
  .notice-table { font-size: 14px; }
  .notice-table th { width: 4.5em; white-space: normal; }
  .notice-signature { margin-right: 0; }
}
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  .notice-print { background: #fff; padding: 0; min-height: 0; }
  .notice-toolbar { display: none; }
  .notice-sheet { width: auto; min-height: 0; padding: 0; margin: 0; box-shadow: none; }
}
`;
