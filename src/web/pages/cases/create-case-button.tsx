import { PlusOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseKind } from '../../../shared/cases-api.js';
import { useCaseMutations } from '../../api/cases.queries.js';
import { CaseFormModal, type CaseFormValues } from './case-form-modal.js';

/** What the form starts with (e.g. an exemplary candidate from the review worksheet). */
export interface CaseDefaults {
  kind: CaseKind;
  title?: string;
  summary?: string;
  writeUp?: string;
  taskId?: number | null;
  unitId?: number | null;
  periodId?: number | null;
}

interface CreateCaseButtonProps {
  defaults: CaseDefaults;
  size?: 'small' | 'middle';
  onCreated?: (caseId: number) => void;
}

/** "New case": a button opening the case form; the case is saved as a draft (`POST /cases`). */
export function CreateCaseButton({ defaults, size, onCreated }: CreateCaseButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const { create } = useCaseMutations();

  const handleOpen = () => {
    create.reset();
    setOpen(true);
  };
  const handleSubmit = (values: CaseFormValues) =>
    create.mutate(values, {
      onSuccess: (created) => {
        void message.success(t('cases.created'));
        setOpen(false);
        onCreated?.(created.id);
      },
    });

  return (
    <>
      <Button size={size} icon={<PlusOutlined />} onClick={handleOpen}>
        {t('cases.create')}
      </Button>
      {open && (
        <CaseFormModal
          title={t('cases.createTitle')}
          initialValues={defaults}
          submitting={create.isPending}
          error={create.error}
          onSubmit={handleSubmit}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
