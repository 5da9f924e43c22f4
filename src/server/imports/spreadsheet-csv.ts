// CSV in the shape Excel opens correctly: UTF-8 with a byte-order mark (without it Excel reads
// Chinese as the local ANSI code page), CRLF line ends, and RFC 4180 quoting.

/** A field as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string): string {
  // A leading =, +, - or @ would make a spreadsheet run the cell as a formula (CSV injection):
  // an apostrophe keeps it text. Dates and numbers never start so (a minus sign aside: not used here).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows (header first) as CSV bytes, BOM included. */
export function csvBytes(rows: ReadonlyArray<readonly string[]>): Buffer {
  const text = rows.map((row) => row.map(csvField).join(',')).join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}
