import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Modal, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REASON_CATEGORIES, type ReviewReason } from '../../../shared/review-api.js';
import type { ReviewReasons } from '../../api/review.api.js';
import { errorMessage } from '../../lib/error-message.js';
import { useUpdateReviewReasons } from './review.queries.js';

const LABELS = [
  ['zh-CN', 'labelZhCN'],
  ['zh-TW', 'labelZhTW'],
  ['en', 'labelEn'],
] as const;

/**
 * The reasons list editor (supervision): rename, re-categorise, archive, add. Codes already saved
 * cannot be changed (reviews store them); removing one that a review uses is refused by the server.
 */
export function ReviewReasonsModal({ list, onClose }: { list: ReviewReasons; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateReviewReasons();
  const [reasons, setReasons] = useState<ReviewReason[]>(list.reasons);
  const savedCodes = new Set(list.reasons.map((r) => r.code));

  const change = (index: number, changes: Partial<ReviewReason>) =>
    setReasons((all) => all.map((r, i) => (i === index ? { ...r, ...changes } : r)));
  const handleAdd = () =>
    setReasons((all) => [
      ...all,
      { code: '', category: 'objective', labels: { 'zh-CN': '', 'zh-TW': '', en: '' }, archived: false },
    ]);
  const handleSave = () =>
    update.mutate(
      { reasons, version: list.version },
      {
        onSuccess: () => {
          void message.success(t('review.reasons.saved'));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t('review.reasons.title')}
      width={760}
      onCancel={onClose}
      onOk={handleSave}
      okText={t('review.reasons.save')}
      confirmLoading={update.isPending}
    >
      <Typography.Paragraph type="secondary">{t('review.reasons.codeHint')}</Typography.Paragraph>
      {update.error && (
        <Alert type="error" showIcon title={errorMessage(update.error, t)} style={{ marginBottom: 12 }} />
      )}
      <Flex vertical gap={8}>
        {reasons.map((reason, index) => (
          <Card size="small" key={savedCodes.has(reason.code) ? reason.code : `new-${index}`}>
            <Flex vertical gap={8}>
              <Flex gap={8} wrap align="center">
                <Input
                  style={{ width: 120 }}
                  value={reason.code}
                  disabled={savedCodes.has(reason.code)}
                  placeholder={t('review.reasons.code')}
                  aria-label={t('review.reasons.code')}
                  onChange={(e) => change(index, { code: e.target.value.trim() })}
                />
                <Select
                  style={{ width: 110 }}
                  value={reason.category}
                  aria-label={t('review.reasons.category')}
                  onChange={(category) => change(index, { category })}
                  options={REASON_CATEGORIES.map((c) => ({ value: c, label: t(`review.categories.${c}`) }))}
                />
                <Flex gap={6} align="center" style={{ marginLeft: 'auto' }}>
                  <Switch
                    aria-label={t('review.reasons.archived')}
                    size="small"
                    checked={reason.archived}
                    onChange={(archived) => change(index, { archived })}
                  />
                  {t('review.reasons.archived')}
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('review.reasons.remove')}
                    onClick={() => setReasons((all) => all.filter((_, i) => i !== index))}
                  />
                </Flex>
              </Flex>
              <Flex gap={8} wrap>
                {LABELS.map(([locale, key]) => (
                  <Input
                    key={locale}
                    style={{ flex: '1 1 150px' }}
                    value={reason.labels[locale]}
                    placeholder={t(`review.reasons.${key}`)}
                    aria-label={t(`review.reasons.${key}`)}
                    onChange={(e) => change(index, { labels: { ...reason.labels, [locale]: e.target.value } })}
                  />
                ))}
              </Flex>
            </Flex>
          </Card>
        ))}
      </Flex>
      <Button icon={<PlusOutlined />} onClick={handleAdd} style={{ marginTop: 12 }}>
        {t('review.reasons.add')}
      </Button>
    </Modal>
  );
}
