/**
 * A Content-Disposition header carrying a file's name (RFC 6266): `filename*=UTF-8''…` with the
 * name percent-encoded (RFC 5987), which every current browser uses, and before it a plain ASCII
 * `filename="…"` for old clients, with everything else (Chinese, quotes, backslashes, `%`) turned
 * into `_`.
 */
export function contentDisposition(type: 'attachment' | 'inline', name: string): string {
  return `${type}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** Printable ASCII stays; any run of other characters becomes one `_`. */
function asciiFallback(name: string): string {
  const safe = name.replace(/[^\x20-\x7e]+|["\\%]/g, '_').replace(/_{2,}/g, '_');
  return safe.trim() || 'file';
}

/** Percent-encodes all but RFC 5987's attr-char (encodeURIComponent leaves `'()*` as they are). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
