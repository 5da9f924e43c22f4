import { z } from 'zod';
import { LIMITS } from '../../shared/limits.js';
import { passwordField } from '../users/users.schema.js';

export { meSchema } from '../../shared/api-schemas.js';

export const loginBody = z.strictObject({
  username: z.string().min(1).max(LIMITS.usernameMax),
  // Any password up to the limit is checked (a too-short one simply fails), so the answer never
  // tells an attacker what the rules are for a particular account.
  password: z.string().min(1).max(LIMITS.passwordMax),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: passwordField,
});
