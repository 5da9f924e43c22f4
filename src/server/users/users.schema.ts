import { z } from 'zod';
import { LIMITS, PHONE_PATTERN, USERNAME_PATTERN } from '../../shared/limits.js';
import { ROLES } from '../../shared/roles.js';
import { queryBoolean, text, versionField } from '../http/common.schema.js';

export { userSchema } from '../../shared/api-schemas.js';

/** Passwords: any characters, 8 to 128 of them. */
export const passwordField = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);
const username = z
  .string()
  .min(LIMITS.usernameMin)
  .max(LIMITS.usernameMax)
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.string().regex(USERNAME_PATTERN));
const roles = z.array(z.enum(ROLES)).max(ROLES.length);
const unitIds = z.array(z.number().int().positive()).max(500);
const email = z.union([z.email().max(LIMITS.emailMax), z.literal('')]).nullable();
const phone = z.string().max(LIMITS.phoneMax).regex(PHONE_PATTERN).nullable();

export const listUsersQuery = z.strictObject({
  q: z.string().max(LIMITS.searchMax).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  role: z.enum(ROLES).optional(),
  active: queryBoolean.optional(),
  cursor: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});

export const createUserBody = z.strictObject({
  username,
  displayName: text(LIMITS.displayNameMax),
  password: passwordField,
  unitId: z.number().int().positive().nullable().optional(),
  roles,
  unitsInChargeIds: unitIds.optional(),
  email: email.optional(),
  phone: phone.optional(),
});

export const updateUserBody = z.strictObject({
  version: versionField,
  displayName: text(LIMITS.displayNameMax).optional(),
  unitId: z.number().int().positive().nullable().optional(),
  roles: roles.optional(),
  unitsInChargeIds: unitIds.optional(),
  email: email.optional(),
  phone: phone.optional(),
});

export const resetPasswordBody = z.strictObject({ password: passwordField });
