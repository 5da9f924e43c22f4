import { App, Button, Flex, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/cases.api.js';
import { useCaseMutations } from '../../api/cases.queries.js';
import { errorMessage } from '../../lib/error-message.js';
import { AdoptModal } from './adopt-modal.js';
import { CaseFormModal, type CaseFormValues } from './case-form-modal.js';
import { SpreadModal } from './spread-modal.js';

type Open = 'edit' | 'spread' | 'adopt' | null;

/** What the caller may do to the case (from `allowedActions`): supervision's steps, a unit's answer. */
export function CaseActions({ item }: { item: CaseView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { update, changeStatus } = useCaseMutations();
  const [open, setOpen] = useState<Open>(null);
  const allowed = new Set(item.allowedActions);

  const handleStatus = (action: 'publish' | 'archive') =>
    changeStatus.mutate(
      { id: item.id, action, version: item.version },
      {
        onSuccess: () => void message.success(t(`cases.done.${action}`)),
        onError: (cause) => void message.error(errorMessage(cause, t)),
      },
    );
  const handleEdit = (values: CaseFormValues) =>
    update.mutate(
      { id: item.id, ...values, version: item.version },
      {
        onSuccess: () => {
          void message.success(t('cases.saved'));
          setOpen(null);
        },
      },
    );
  const openEdit = () => {
    update.reset();
    setOpen('edit');
  };

  return (
    <Flex gap={8} wrap>
      {allowed.has('adopt') && item.myAdoption && (
        <Button type="primary" onClick={() => setOpen('adopt')}>
          {t('cases.actions.adopt')}
        </Button>
      )}
      {allowed.has('publish') && (
        <Popconfirm title={t('cases.confirm.publish')} onConfirm={() => handleStatus('publish')}>
          <Button type="primary" loading={changeStatus.isPending}>
            {t('cases.actions.publish')}
          </Button>
        </Popconfirm>
      )}
      {allowed.has('spread') && (
        <Button type={item.toSpread ? 'default' : 'primary'} onClick={() => setOpen('spread')}>
          {item.toSpread ? t('cases.actions.spreadMore') : t('cases.actions.spread')}
        </Button>
      )}
      {allowed.has('edit') && <Button onClick={openEdit}>{t('cases.actions.edit')}</Button>}
      {allowed.has('archive') && (
        <Popconfirm title={t('cases.confirm.archive')} onConfirm={() => handleStatus('archive')}>
          <Button loading={changeStatus.isPending}>{t('cases.actions.archive')}</Button>
        </Popconfirm>
      )}
      {open === 'edit' && (
        <CaseFormModal
          title={t('cases.editTitle')}
          initialValues={{
            kind: item.kind,
            title: item.title,
            summary: item.summary,
            writeUp: item.writeUp,
            taskId: item.task?.id ?? null,
            unitId: item.unit?.id ?? null,
            periodId: item.period?.id ?? null,
          }}
          kindLocked={item.toSpread}
          submitting={update.isPending}
          error={update.error}
          onSubmit={handleEdit}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'spread' && <SpreadModal item={item} onClose={() => setOpen(null)} />}
      {open === 'adopt' && item.myAdoption && (
        <AdoptModal item={item} adoption={item.myAdoption} onClose={() => setOpen(null)} />
      )}
    </Flex>
  );
}
