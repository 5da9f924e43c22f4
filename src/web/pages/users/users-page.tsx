import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Grid, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserMutations, useUserPages } from '../../api/users.queries.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { errorMessage } from '../../lib/error-message.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';
import { ResetPasswordModal } from './reset-password-modal.js';
import { UserCards } from './user-cards.js';
import { UserFilters, type UserFilterValues } from './user-filters.js';
import { UserFormModal } from './user-form-modal.js';
import type { UserActionHandlers } from './user-row-actions.js';
import { UserTable } from './user-table.js';

type Dialog = { kind: 'create' } | { kind: 'edit'; userId: number } | { kind: 'reset'; userId: number } | null;

const NO_FILTERS: UserFilterValues = { q: '' };

/** Users admin: filter, list (table on wide screens, cards on phones), create and edit people. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isMobile = Grid.useBreakpoint().md === false;
  const [filters, setFilters] = useState<UserFilterValues>(NO_FILTERS);
  const [dialog, setDialog] = useState<Dialog>(null);
  const q = useDebouncedValue(filters.q.trim());
  const pages = useUserPages({ q: q || undefined, unitId: filters.unitId, role: filters.role, active: filters.active });
  const { setActive } = useUserMutations();
  const users = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const findUser = (id: number) => users.find((user) => user.id === id);
  const isFiltered = Boolean(filters.q.trim() || filters.unitId || filters.role || filters.active !== undefined);

  const handlers: UserActionHandlers = {
    onEdit: (user) => setDialog({ kind: 'edit', userId: user.id }),
    onResetPassword: (user) => setDialog({ kind: 'reset', userId: user.id }),
    onToggleActive: (user) => {
      const activate = !user.active;
      modal.confirm({
        title: activate
          ? t('users.activateConfirm', { name: user.displayName })
          : t('users.deactivateConfirm', { name: user.displayName }),
        content: activate ? undefined : t('users.deactivateDescription'),
        okText: activate ? t('users.activate') : t('users.deactivate'),
        okButtonProps: { danger: !activate },
        cancelText: t('common.cancel'),
        onOk: () =>
          setActive.mutateAsync({ user, active: activate }).then(
            (saved) =>
              void message.success(
                activate
                  ? t('users.activatedMessage', { name: saved.displayName })
                  : t('users.deactivatedMessage', { name: saved.displayName }),
              ),
            (error: unknown) => void message.error(errorMessage(error, t)),
          ),
      });
    },
  };

  const empty = isFiltered ? (
    <Empty description={t('users.emptyFiltered')}>
      <Button onClick={() => setFilters(NO_FILTERS)}>{t('users.clearFilters')}</Button>
    </Empty>
  ) : (
    <Empty description={t('users.emptyTitle')}>
      <Typography.Text type="secondary">{t('users.emptyDescription')}</Typography.Text>
    </Empty>
  );

  const editing = dialog?.kind === 'edit' ? findUser(dialog.userId) : undefined;
  const resetting = dialog?.kind === 'reset' ? findUser(dialog.userId) : undefined;
  const list = { users, isLoading: pages.isPending, empty, handlers };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.create')}
          </Button>
        }
      />
      <Card styles={{ body: { padding: isMobile ? 12 : 24 } }}>
        <UserFilters value={filters} onChange={setFilters} />
        {pages.isError && users.length === 0 ? (
          <LoadError error={pages.error} onRetry={() => void pages.refetch()} />
        ) : isMobile ? (
          <UserCards {...list} />
        ) : (
          <UserTable {...list} />
        )}
        {pages.isFetchNextPageError && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            title={errorMessage(pages.error, t)}
            action={
              <Button size="small" onClick={() => void pages.fetchNextPage()}>
                {t('common.retry')}
              </Button>
            }
          />
        )}
        {users.length > 0 && (
          <Flex justify="center" align="center" gap={12} wrap style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">{t('users.shown', { count: users.length })}</Typography.Text>
            {pages.hasNextPage && (
              <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                {t('users.loadMore')}
              </Button>
            )}
          </Flex>
        )}
      </Card>
      {(dialog?.kind === 'create' || editing) && (
        <UserFormModal
          user={editing ?? null}
          onClose={() => setDialog(null)}
          onSaved={(saved, isNew) => {
            void message.success(
              isNew ? t('users.createdMessage', { name: saved.displayName }) : t('users.savedMessage'),
            );
            setDialog(null);
          }}
        />
      )}
      {resetting && (
        <ResetPasswordModal
          user={resetting}
          onClose={() => setDialog(null)}
          onDone={() => {
            void message.success(t('users.resetMessage', { name: resetting.displayName }));
            setDialog(null);
          }}
        />
      )}
    </>
  );
}
