import { EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSTRUCTION_LIMITS } from '../../../shared/instructions-api.js';
import { hasAnyRole, useCurrentUser } from '../../auth/current-user.js';
import { InstructionFormModal } from './instruction-form-modal.js';

/**
 * "批示" for the task list's bulk bar: a leader (or an administrator) writes one instruction on the
 * selected tasks. Renders nothing for anyone else.
 */
export function InstructTasksButton({ taskIds, onDone }: { taskIds: readonly number[]; onDone?: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [isOpen, setIsOpen] = useState(false);
  if (!hasAnyRole(user, ['leader', 'admin'])) return null;
  return (
    <>
      <Button
        size="small"
        icon={<EditOutlined />}
        disabled={taskIds.length === 0 || taskIds.length > INSTRUCTION_LIMITS.tasksMax}
        onClick={() => setIsOpen(true)}
      >
        {t('instructions.issue')}
      </Button>
      {isOpen && <InstructionFormModal taskIds={taskIds} onClose={() => setIsOpen(false)} onDone={onDone} />}
    </>
  );
}
