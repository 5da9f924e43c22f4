/** The kinds of evidence files people recognise, for labels and icons. */
export const FILE_KINDS = ['pdf', 'image', 'word', 'excel', 'slides', 'wps', 'ofd', 'zip', 'other'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const BY_TYPE: Readonly<Record<string, FileKind>> = {
  'application/pdf': 'pdf',
  'application/msword': 'word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word',
  'application/vnd.ms-excel': 'excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'excel',
  'application/vnd.ms-powerpoint': 'slides',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'slides',
  'application/kswps': 'wps',
  'application/kset': 'wps',
  'application/ksdps': 'wps',
  'application/ofd': 'ofd',
  'application/zip': 'zip',
};

/** The kind of a file from the content type the server stored for it. */
export function fileKind(contentType: string): FileKind {
  if (contentType.startsWith('image/')) return 'image';
  return BY_TYPE[contentType] ?? 'other';
}
