/** The roles a person can hold (DOMAIN.md "People and roles"); one person may hold several. */
export const ROLES = ['admin', 'leader', 'supervisor', 'unit_head', 'unit_staff', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** True when `value` names a known role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
