import type { z } from 'zod';
import { isRole } from '../../shared/roles.js';
import type { UserRecord } from './users.repository.js';
import type { userSchema } from './users.schema.js';

/** The public shape of a person: fields listed one by one, so the password hash never leaves. */
export function presentUser(user: UserRecord): z.infer<typeof userSchema> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    unitId: user.unit_id,
    unitName: user.unitName,
    roles: user.roles.filter(isRole),
    active: user.deactivated_at === null,
    unitsInChargeIds: user.unitsInCharge,
    email: user.email,
    phone: user.phone,
    lastLoginAt: user.last_login_at,
    createdAt: user.created_at,
    updatedAt: user.updated_at,
    version: user.version,
  };
}
