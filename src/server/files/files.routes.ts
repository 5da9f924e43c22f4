import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isPreviewable } from '../../domain/file-types.js';
import {
  FILE_FIELD,
  fileSettingsSchema,
  taskFileListSchema,
  taskFileSchema,
  updateFileSettingsBody,
} from '../../shared/files-api.js';
import { requireActor } from '../auth/authenticate.js';
import { AppError } from '../errors.js';
import { errorResponses, idParams } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { contentDisposition } from './content-disposition.js';
import { getFileSettings, updateFileSettings } from './file-settings.service.js';
import { fileStoreFor } from './file-store.js';
import { presentTaskFile } from './files.presenter.js';
import { deleteTaskFile, type IncomingFile, listTaskFiles, openTaskFile, uploadTaskFile } from './files.service.js';

const tags = ['files'];

/** The usual problem answers, plus 415 for a file type that is not allowed. */
const uploadErrors = { ...errorResponses, 415: errorResponses[400] } as const;

const contentQuery = z.strictObject({
  inline: z.enum(['0', '1']).optional().describe('1: show an image or PDF in the browser (preview)'),
});

/**
 * Reads a multipart request up to its file part (field `file`), with busboy stopping one byte past
 * the limit so the store sees the excess and refuses. Anything but one such part is 400.
 */
async function receiveFilePart(request: FastifyRequest, maxBytes: number): Promise<IncomingFile> {
  if (!request.isMultipart()) throw new AppError('file_required', {}, FILE_FIELD);
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file({
      limits: { fileSize: maxBytes + 1, files: 1, fields: 10, parts: 11 },
      throwFileSizeLimit: false,
    });
  } catch (error) {
    request.log.info({ err: error }, 'unreadable multipart upload');
    throw new AppError('file_required', {}, FILE_FIELD);
  }
  if (!part) throw new AppError('file_required', {}, FILE_FIELD);
  if (part.fieldname !== FILE_FIELD) {
    part.file.resume();
    throw new AppError('file_required', {}, FILE_FIELD);
  }
  return { name: part.filename, stream: part.file };
}

/**
 * Evidence files: upload (multipart, streamed to the file store), list, download, delete; and the
 * files settings (the upload size limit). Multipart parsing is registered in this scope only, so
 * every other route keeps refusing what is not JSON. The CSRF check and the route policies run in
 * the app-wide onRequest gate, before any of the body is read.
 */
export function registerFileRoutes(app: ZodApp, { db, config }: RouteDeps): void {
  const deps = { db, store: fileStoreFor(config) };

  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { files: 1, fields: 10, parts: 11 } });
    const files = scope.withTypeProvider<ZodTypeProvider>();

    files.post('/tasks/:id/files', {
      config: { policy: allow.signedIn },
      schema: {
        tags,
        summary: 'Upload an evidence file to a task',
        description:
          'multipart/form-data with one file part named `file`. The lead and cooperating units and the supervision office may upload. Allowed: PDF, images, Office and WPS documents, OFD and ZIP, checked by content (415 otherwise); size limit from GET /settings/files (413).',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: taskFileSchema, ...uploadErrors },
      },
      handler: async (request, reply) => {
        const row = await uploadTaskFile(deps, {
          taskId: request.params.id,
          actor: requireActor(request),
          receive: (maxBytes) => receiveFilePart(request, maxBytes),
        });
        return reply.status(201).send(presentTaskFile(row));
      },
    });

    files.get('/tasks/:id/files', {
      config: { policy: allow.signedIn },
      schema: {
        tags,
        summary: "A task's files, newest first",
        params: idParams,
        response: { 200: taskFileListSchema, ...errorResponses },
      },
      handler: async (request) => {
        const rows = await listTaskFiles(db, { taskId: request.params.id, actor: requireActor(request) });
        return { items: rows.map(presentTaskFile) };
      },
    });

    files.get('/files/:id/content', {
      config: { policy: allow.signedIn },
      schema: {
        tags,
        summary: 'Download a file',
        description:
          'Always an attachment with the original name, unless `inline=1` for an image or a PDF (a preview, sandboxed).',
        params: idParams,
        querystring: contentQuery,
        response: { 200: z.any().describe("The file's bytes"), ...errorResponses },
      },
      handler: async (request, reply) => {
        const { file, content } = await openTaskFile(deps, { fileId: request.params.id, actor: requireActor(request) });
        const inline = request.query.inline === '1';
        if (inline && !isPreviewable(file.content_type)) {
          content.destroy();
          throw new AppError('validation_failed', { summary: 'inline: images and PDF only' }, 'inline');
        }
        return reply
          .header('content-type', file.content_type)
          .header('content-length', String(file.size_bytes))
          .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.original_name))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', 'sandbox')
          .header('cache-control', 'private')
          .send(content);
      },
    });

    files.delete('/files/:id', {
      config: { policy: allow.signedIn },
      schema: {
        tags,
        summary: 'Delete a file',
        description:
          'For its uploader, the head of the unit it was uploaded for, or the supervision office. Evidence of something submitted: 409 file_in_use. Deleting a deleted file changes nothing.',
        params: idParams,
        response: { 204: z.null().describe('Deleted'), ...errorResponses },
      },
      handler: async (request, reply) => {
        await deleteTaskFile(deps, { fileId: request.params.id, actor: requireActor(request) });
        return reply.status(204).send(null);
      },
    });

    files.get('/settings/files', {
      config: { policy: allow.signedIn },
      schema: {
        tags: ['settings'],
        summary: 'File settings',
        response: { 200: fileSettingsSchema, ...errorResponses },
      },
      handler: async () => getFileSettings(db),
    });

    files.put('/settings/files', {
      config: { policy: allow.roles('admin') },
      schema: {
        tags: ['settings'],
        summary: 'Change the file settings',
        body: updateFileSettingsBody,
        response: { 200: fileSettingsSchema, ...errorResponses },
      },
      handler: async (request) => updateFileSettings(db, { ...request.body, actor: requireActor(request) }),
    });
  });
}
