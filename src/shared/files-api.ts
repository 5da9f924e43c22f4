import { z } from 'zod';

// The evidence files API's answer shapes and the files settings: the server validates and
// documents with these; the web takes its types from them (type-only imports). Uploads are
// multipart/form-data with one file part named `file`, so they have no JSON body schema.

/** Bounds of the administrator's upload size limit, in bytes. */
export const FILE_SETTING_LIMITS = {
  maxBytesMin: 1024,
  maxBytesMax: 1024 * 1024 * 1024,
  maxBytesDefault: 50 * 1024 * 1024,
} as const;

/** The multipart field the file travels in. */
export const FILE_FIELD = 'file';

const personRef = z.object({ id: z.number().int(), displayName: z.string() });
const unitRef = z.object({ id: z.number().int(), name: z.string() });

/**
 * A file as other features show it, e.g. the evidence of a report (what `evidenceOf` returns).
 * `name` is the sanitised original name; `uploadedBy` is null when the system uploaded it.
 */
export const fileViewSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    sizeBytes: z.number().int(),
    contentType: z.string(),
    sha256: z.string(),
    uploadedAt: z.string(),
    uploadedBy: personRef.nullable(),
  })
  .describe('File');

/** A file in a task's file list. */
export const taskFileSchema = fileViewSchema
  .extend({
    taskId: z.number().int(),
    /** The unit the uploader acted for (null: the supervision office or the system). */
    unit: unitRef.nullable(),
    /** Evidence of something already submitted: it cannot be deleted. */
    inUse: z.boolean(),
    /** An image or a PDF, which `GET /files/:id/content?inline=1` shows in the browser. */
    previewable: z.boolean(),
  })
  .describe('File of a task');

export const taskFileListSchema = z.object({ items: z.array(taskFileSchema) });

export const fileMaxBytes = z
  .number()
  .int()
  .min(FILE_SETTING_LIMITS.maxBytesMin)
  .max(FILE_SETTING_LIMITS.maxBytesMax)
  .describe('Largest file accepted, in bytes');

export const fileSettingsSchema = z
  .object({ version: z.number().int(), maxBytes: z.number().int() })
  .describe('File settings');

export const updateFileSettingsBody = z.strictObject({ version: z.number().int().positive(), maxBytes: fileMaxBytes });

export type FileView = z.infer<typeof fileViewSchema>;
export type TaskFile = z.infer<typeof taskFileSchema>;
export type FileSettings = z.infer<typeof fileSettingsSchema>;
