import { z } from 'zod';
import { ROLES } from './roles.js';

// The shapes the API answers with: the server validates and documents its responses with these,
// and the web takes its types from them (type-only imports, so no zod in the browser bundle).

export const unitSchema = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    name: z.string(),
    shortName: z.string().nullable(),
    aliases: z.array(z.string()),
    sortOrder: z.number().int(),
    archived: z.boolean(),
    depth: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .describe('Unit');

export const userSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    unitId: z.number().int().nullable(),
    unitName: z.string().nullable(),
    roles: z.array(z.enum(ROLES)),
    active: z.boolean(),
    unitsInChargeIds: z.array(z.number().int()),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .describe('User');

export const meSchema = userSchema
  .pick({
    id: true,
    username: true,
    displayName: true,
    unitId: true,
    unitName: true,
    roles: true,
    unitsInChargeIds: true,
  })
  .describe('The signed-in user');

export const tokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .describe('Personal API token (the secret itself is shown only when created)');

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

export type Unit = z.infer<typeof unitSchema>;
export type User = z.infer<typeof userSchema>;
export type Me = z.infer<typeof meSchema>;
export type Token = z.infer<typeof tokenSchema>;
export type Health = z.infer<typeof healthSchema>;
