import { ArrowLeftOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, List, Skeleton, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { type AccountabilityRecord, useRecord } from '../../api/accountability.api.js';
import { LoadError } from '../../components/load-error.js';
import { PageHeader } from '../../components/page-header.js';
import { currentLocale } from '../../i18n/index.js';
import { formatShortDateTime } from '../../lib/format.js';
import { formatDay } from '../tasks/task-view-model.js';
import { AccountabilityStatusTag, evidenceHref, evidenceLabel } from './accountability-view.js';
import { RecordHistory } from './record-history.js';
import { RecordStepModal, type SupervisorStep } from './record-step-modal.js';
import { StatementSection } from './statement-section.js';

/** A titled block of the record. */
function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title}>
      {children}
    </Card>
  );
}

function Text({ children }: { children: ReactNode }) {
  return (
    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {children}
    </Typography.Paragraph>
  );
}

/** Number, type, subject, origin and dates. */
function Summary({ record }: { record: AccountabilityRecord }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const subject = [record.subjectUnit?.name, record.subjectUser?.displayName].filter(Boolean).join(' · ');
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      items={[
        { key: 'type', label: t('accountability.columns.type'), children: t(`accountability.type.${record.type}`) },
        { key: 'subject', label: t('accountability.fields.subject'), children: subject },
        {
          key: 'status',
          label: t('accountability.columns.status'),
          children: <AccountabilityStatusTag status={record.status} />,
        },
        {
          key: 'origin',
          label: t('accountability.fields.origin'),
          children: t(record.actionId === null ? 'accountability.origin.manual' : 'accountability.origin.ladder'),
        },
        {
          key: 'created',
          label: t('accountability.columns.created'),
          children: formatShortDateTime(record.createdAt, locale),
        },
        {
          key: 'due',
          label: t('accountability.fields.statementDue'),
          children: formatDay(record.statementDue, locale),
        },
      ]}
    />
  );
}

/** The linked tasks and the evidence, each linking to where it is in the app. */
function Grounds({ record }: { record: AccountabilityRecord }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <>
      <Block title={t('accountability.fields.tasks')}>
        {record.tasks.length === 0 && <Typography.Text type="secondary">{t('accountability.noTasks')}</Typography.Text>}
        <Flex vertical gap={4}>
          {record.tasks.map((task) => (
            <Link key={task.id} to={`/tasks/${task.id}`} style={{ overflowWrap: 'anywhere' }}>
              {task.number} {task.title}
            </Link>
          ))}
        </Flex>
      </Block>
      <Block title={t('accountability.fields.evidence')}>
        {record.evidence.length === 0 ? (
          <Typography.Text type="secondary">{t('accountability.noEvidence')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={record.evidence}
            renderItem={(evidence) => {
              const href = evidenceHref(evidence);
              const label = evidenceLabel(evidence, t);
              return (
                <List.Item style={{ paddingInline: 0, display: 'block' }}>
                  {href ? <Link to={href}>{label}</Link> : <span>{label}</span>}
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
                    {formatShortDateTime(evidence.at, locale, '')}
                  </Typography.Text>
                  {evidence.note && <div style={{ fontSize: 13, overflowWrap: 'anywhere' }}>{evidence.note}</div>}
                </List.Item>
              );
            }}
          />
        )}
      </Block>
    </>
  );
}

/** The decision (or dismissal) once made. */
function Outcome({ record }: { record: AccountabilityRecord }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (record.status !== 'decided' && record.status !== 'dismissed') return null;
  const by = t('accountability.decide.by', {
    name: record.decidedBy?.displayName ?? '',
    time: formatShortDateTime(record.decidedAt, locale),
  });
  return (
    <Block
      title={
        record.status === 'decided' ? t('accountability.fields.decision') : t('accountability.fields.dismissReason')
      }
    >
      {record.decision && (
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t(`accountability.decision.${record.decision}`)}
        </Typography.Title>
      )}
      {record.decisionNote && <Text>{record.decisionNote}</Text>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {by}
      </Typography.Text>
    </Block>
  );
}

const SUPERVISOR_STEPS: SupervisorStep[] = ['open', 'decide', 'evidence', 'dismiss'];

/** 问责记录: the record, its grounds, the subject's statement, the decision, and the history. Reads are audited. */
export function AccountabilityRecordPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useRecord(id);
  const [step, setStep] = useState<SupervisorStep | null>(null);
  const record = query.data;
  const steps = SUPERVISOR_STEPS.filter((s) => record?.allowedActions.includes(s));
  const stepLabel = (s: SupervisorStep) =>
    s === 'evidence' ? t('accountability.evidenceAdd.title') : t(`accountability.${s}.title`);
  return (
    <>
      <PageHeader
        title={record ? t('accountability.recordTitle', { number: record.number }) : t('accountability.title')}
        extra={
          <Link to="/accountability">
            <Button icon={<ArrowLeftOutlined />}>{t('accountability.back')}</Button>
          </Link>
        }
      />
      <Flex vertical gap={12}>
        <Alert type="info" showIcon icon={<SafetyCertificateOutlined />} title={t('accountability.auditNotice')} />
        {query.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
        {query.isError && <LoadError error={query.error} onRetry={() => void query.refetch()} />}
        {record && (
          <>
            <Card size="small">
              <Summary record={record} />
              {steps.length > 0 && (
                <Flex gap={8} wrap style={{ marginTop: 12 }}>
                  {steps.map((s) => (
                    <Button
                      key={s}
                      type={s === 'open' || s === 'decide' ? 'primary' : 'default'}
                      danger={s === 'dismiss'}
                      onClick={() => setStep(s)}
                    >
                      {stepLabel(s)}
                    </Button>
                  ))}
                </Flex>
              )}
            </Card>
            <Block title={t('accountability.fields.proposal')}>
              <Text>{record.proposal}</Text>
            </Block>
            <Grounds record={record} />
            <StatementSection record={record} />
            <Outcome record={record} />
            <Block title={t('accountability.fields.history')}>
              <RecordHistory record={record} />
            </Block>
          </>
        )}
      </Flex>
      {record && step && <RecordStepModal record={record} step={step} onClose={() => setStep(null)} />}
    </>
  );
}
