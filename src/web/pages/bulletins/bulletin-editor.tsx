import { ReloadOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BULLETIN_LIMITS } from '../../../shared/bulletins-api.js';
import type { Bulletin, BulletinContent } from '../../api/bulletins.api.js';
import { errorMessage } from '../../lib/error-message.js';
import { BulletinContentEditor } from './bulletin-content-editor.js';
import { BulletinSheet } from './bulletin-sheet.js';
import { BulletinFileButtons } from './bulletin-toolbar.js';
import { useBulletinMutations } from './bulletins.queries.js';

/** True when every line has text (the server refuses blank lines). */
function isComplete(content: BulletinContent): boolean {
  const sections = [content.figures, content.commendations, content.criticisms, content.requirements];
  return sections.every((section) => section.lines.every((line) => line.text.trim().length > 0));
}

/**
 * A draft bulletin: the sections on the left (lines to edit, add, reorder, remove), the document's
 * preview on the right (below on a phone), and save, regenerate and issue.
 */
export function BulletinEditor({ bulletin }: { bulletin: Bulletin }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { save, step } = useBulletinMutations();
  const [title, setTitle] = useState(bulletin.title);
  const [content, setContent] = useState<BulletinContent>(bulletin.content);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = save.isPending || step.isPending;
  const valid = title.trim().length > 0 && isComplete(content);

  const load = (next: Bulletin) => {
    setTitle(next.title);
    setContent(next.content);
    setDirty(false);
  };
  const fail = (cause: unknown) => setError(errorMessage(cause, t));
  const persist = () => save.mutateAsync({ id: bulletin.id, title: title.trim(), content, version: bulletin.version });

  const handleSave = () => {
    setError(null);
    persist().then((saved) => {
      load(saved);
      void message.success(t('bulletins.saved'));
    }, fail);
  };
  const handleRegenerate = () =>
    modal.confirm({
      title: t('bulletins.regenerate'),
      content: t('bulletins.regenerateConfirm'),
      onOk: () => step.mutateAsync({ id: bulletin.id, step: 'regenerate', version: bulletin.version }).then(load, fail),
    });
  const handleIssue = () =>
    modal.confirm({
      title: t('bulletins.issueConfirm'),
      content: t('bulletins.issueConfirmBody'),
      okText: t('bulletins.issue'),
      onOk: async () => {
        setError(null);
        try {
          // Unsaved edits are saved first, so what is issued is what the preview shows.
          const version = dirty ? (await persist()).version : bulletin.version;
          const issued = await step.mutateAsync({ id: bulletin.id, step: 'issue', version });
          void message.success(t('bulletins.issued', { number: issued.number ?? '' }));
        } catch (cause) {
          fail(cause);
        }
      },
    });

  const edit = (next: BulletinContent) => {
    setContent(next);
    setDirty(true);
  };
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Button
          type="primary"
          icon={<SaveOutlined />}
          onClick={handleSave}
          loading={save.isPending}
          disabled={!dirty || !valid || busy}
        >
          {t('bulletins.save')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={handleRegenerate} disabled={busy}>
          {t('bulletins.regenerate')}
        </Button>
        <Button danger icon={<SendOutlined />} onClick={handleIssue} disabled={!valid || busy}>
          {t('bulletins.issue')}
        </Button>
        <BulletinFileButtons id={bulletin.id} />
        {dirty && <Typography.Text type="warning">{t('bulletins.unsaved')}</Typography.Text>}
      </Flex>
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Flex vertical gap={12}>
            <Card size="small" title={t('bulletins.titleLabel')}>
              <Input
                value={title}
                maxLength={BULLETIN_LIMITS.titleMax}
                aria-label={t('bulletins.titleLabel')}
                status={title.trim() ? undefined : 'error'}
                onChange={(event) => {
                  setTitle(event.target.value);
                  setDirty(true);
                }}
              />
            </Card>
            <BulletinContentEditor content={content} onChange={edit} />
          </Flex>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('bulletins.preview')} styles={{ body: { padding: 8 } }}>
            <BulletinSheet
              variant="panel"
              data={{
                title,
                content,
                number: null,
                organisation: bulletin.organisation,
                issuedAt: null,
                asOf: bulletin.asOf,
              }}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
