import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DOCUMENT_IMPORT_LIMITS,
  parseOptionsSchema,
  parseResultSchema,
  parseTextBody,
  registerImportBody,
  registerResultSchema,
} from '../../shared/document-import-api.js';
import { requireActor } from '../auth/authenticate.js';
import { AppError, requestLocale } from '../errors.js';
import { errorResponses } from '../http/common.schema.js';
import type { RouteDeps, ZodApp } from '../http/route-deps.js';
import { allow } from '../policy.js';
import { presentPreview, presentRegistered } from './document-import.presenter.js';
import { previewDocumentImport, registerDocumentImport } from './document-import.service.js';
import { extractUploadText } from './document-import-files.js';

const tags = ['imports'];
const supervision = allow.roles('supervisor', 'admin');
const errors = { ...errorResponses, 415: errorResponses[400] } as const;

/** JSON bodies: a document's text (parse) or a reviewed tree with the full text (register). */
const PARSE_BODY_LIMIT = 2 * 1024 * 1024;
const REGISTER_BODY_LIMIT = 4 * 1024 * 1024;

interface ParseRequest {
  text: string;
  year?: number | null | undefined;
  convert?: 'none' | 't2s' | 's2t' | undefined;
}

/** A multipart parse request: one file part `file` plus the option fields `year` and `convert`. */
async function receiveDocument(request: FastifyRequest): Promise<ParseRequest> {
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Buffer } | null = null;
  try {
    const parts = request.parts({ limits: { fileSize: DOCUMENT_IMPORT_LIMITS.fileMaxBytes, files: 1, fields: 4 } });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw new AppError('file_required', {}, 'file');
        file = { name: part.filename, bytes: await part.toBuffer() };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(
        'file_too_large',
        { limit: `${DOCUMENT_IMPORT_LIMITS.fileMaxBytes / 1024 / 1024} MB` },
        'file',
      );
    }
    request.log.info({ err: error }, 'unreadable multipart document');
    throw new AppError('file_required', {}, 'file');
  }
  if (!file) throw new AppError('file_required', {}, 'file');
  const options = parseOptionsSchema.safeParse({
    ...(fields.year ? { year: fields.year } : {}),
    ...(fields.convert ? { convert: fields.convert } : {}),
  });
  if (!options.success) {
    const field = String(options.error.issues[0]?.path[0] ?? 'year');
    throw new AppError('validation_failed', { summary: field }, field);
  }
  const text = await extractUploadText(file);
  if (!text.trim()) throw new AppError('validation_failed', { summary: 'file: no text' }, 'file');
  if (text.length > DOCUMENT_IMPORT_LIMITS.textMax) {
    throw new AppError(
      'validation_failed',
      { summary: `text: at most ${DOCUMENT_IMPORT_LIMITS.textMax} characters` },
      'file',
    );
  }
  return { text, ...options.data };
}

/**
 * Document import (issue 6 item 4): parse a document into a tree to review, then register the
 * reviewed tree with its source. Multipart parsing is registered in this scope only.
 */
export function registerDocumentImportRoutes(app: ZodApp, { db, config }: RouteDeps): void {
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { files: 1, fields: 4 } });
    const routes = scope.withTypeProvider<ZodTypeProvider>();

    routes.post('/imports/document/parse', {
      config: { policy: supervision },
      bodyLimit: PARSE_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Parse a document into a task tree to review (nothing is written)',
        description:
          'JSON `{ text, year?, convert? }`, or multipart/form-data with a .txt, .md or .docx file part named `file` (and optional fields `year`, `convert`). Answers the normalised text with its change list, the parsed tree, how each unit name matches the unit tree, the SHA-256 of the normalised text and, when that document was imported before, its source.',
        consumes: ['application/json', 'multipart/form-data'],
        body: parseTextBody.nullish(),
        response: { 200: parseResultSchema, ...errors },
      },
      handler: async (request) => {
        const actor = requireActor(request);
        const input = request.isMultipart() ? await receiveDocument(request) : request.body;
        if (!input) throw new AppError('validation_failed', { summary: 'text' }, 'text');
        return presentPreview(await previewDocumentImport(db, { ...input, actor }));
      },
    });

    routes.post('/imports/document/register', {
      config: { policy: supervision },
      bodyLimit: REGISTER_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Register a reviewed document: its source and task tree, in one transaction',
        description:
          'Creates the source (with the text hash) and the tasks, as drafts or assigned; remembers hand-made unit mappings as aliases. A document imported before is refused with 409 import_duplicate unless `confirmDuplicate` is true; then the tasks of the earlier import are updated, not duplicated. Any refusal (422 import_item_failed names the item) writes nothing.',
        body: registerImportBody,
        response: { 201: registerResultSchema, ...errors },
      },
      handler: async (request, reply) => {
        const result = await registerDocumentImport(
          { db, config },
          { ...request.body, actor: requireActor(request), locale: requestLocale(request) },
        );
        return reply.status(201).send(presentRegistered(result));
      },
    });
  });
}
