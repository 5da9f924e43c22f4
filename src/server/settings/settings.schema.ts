import { z } from 'zod';
import { acknowledgeWorkingDays } from '../../shared/calendar-api.js';
import { versionField } from '../http/common.schema.js';

export { taskSettingsSchema } from '../../shared/calendar-api.js';

export const updateTaskSettingsBody = z.strictObject({ version: versionField, acknowledgeWorkingDays });
