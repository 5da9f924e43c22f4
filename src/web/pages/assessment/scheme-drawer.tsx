import { QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Flex, Grid, InputNumber, Switch, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ASSESSMENT_LIMITS,
  DEFAULT_SCORING_SCHEME,
  type PeriodView,
  SCORING_RULE_IDS,
  type ScoringRule,
  type ScoringScheme,
} from '../../../shared/assessment-api.js';
import { useAssessmentMutations } from '../../api/assessment.api.js';
import { isApiError } from '../../api/http.js';
import { errorMessage } from '../../lib/error-message.js';
import { FloorField } from './scheme-floor-field.js';

/** Every known rule in the contract's order; rules the saved scheme lacks show switched off. */
function withAllRules(scheme: ScoringScheme): ScoringScheme {
  const rules = SCORING_RULE_IDS.map(
    (id): ScoringRule =>
      scheme.rules.find((rule) => rule.id === id) ?? {
        id,
        enabled: false,
        lead: 0,
        cooperating: 0,
        perWorkingDay: false,
        capPerTask: null,
      },
  );
  return { base: scheme.base, floor: scheme.floor, rules };
}

const pointsProps = {
  min: -ASSESSMENT_LIMITS.pointsMax,
  max: ASSESSMENT_LIMITS.pointsMax,
  step: 0.1,
  precision: 2,
  style: { width: 92 },
} as const;

/**
 * The period's scoring scheme as a table of rules: on/off, points per occurrence for lead and
 * cooperating units, per working day or once, and a cap per task. Editable while the period is a
 * draft; saving does not recompute (the page says so).
 */
export function SchemeDrawer({
  period,
  canEdit,
  onClose,
}: {
  period: PeriodView;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = Grid.useBreakpoint().md === false;
  const { update } = useAssessmentMutations();
  const [scheme, setScheme] = useState(() => withAllRules(period.scheme));
  const [error, setError] = useState<string | null>(null);
  const readOnly = !canEdit;

  const setRule = (id: ScoringRule['id'], patch: Partial<ScoringRule>) =>
    setScheme((current) => ({
      ...current,
      rules: current.rules.map((rule) => (rule.id === id ? { ...rule, ...patch } : rule)),
    }));

  const handleSave = () => {
    setError(null);
    update.mutate(
      { id: period.id, version: period.version, scheme },
      {
        onSuccess: () => {
          void message.success(t('assessment.scheme.saved'));
          onClose();
        },
        onError: (cause) =>
          setError(isApiError(cause, 'version_conflict') ? t('assessment.form.conflict') : errorMessage(cause, t)),
      },
    );
  };

  const footer = canEdit && (
    <Flex justify="space-between" gap={8} wrap>
      <Button onClick={() => setScheme(withAllRules(DEFAULT_SCORING_SCHEME))}>{t('assessment.scheme.reset')}</Button>
      <Flex gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" onClick={handleSave} loading={update.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Flex>
  );

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('assessment.scheme.title')}
      size={isMobile ? '100%' : 960}
      footer={footer || undefined}
    >
      <Flex vertical gap={12}>
        {readOnly && period.status === 'frozen' && <Alert type="info" showIcon title={t('assessment.scheme.frozen')} />}
        {error && <Alert type="error" showIcon title={error} />}
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('assessment.scheme.intro')}
        </Typography.Paragraph>
        <Flex gap={8} align="center" wrap>
          <label htmlFor="scheme-base">{t('assessment.scheme.base')}</label>
          <InputNumber
            id="scheme-base"
            min={0}
            max={1000}
            precision={2}
            value={scheme.base}
            disabled={readOnly}
            onChange={(base) => setScheme((current) => ({ ...current, base: base ?? 0 }))}
          />
          <Typography.Text type="secondary">{t('assessment.scheme.baseHelp')}</Typography.Text>
        </Flex>
        <FloorField
          floor={scheme.floor}
          base={scheme.base}
          readOnly={readOnly}
          onChange={(floor) => setScheme((current) => ({ ...current, floor }))}
        />
        <Table<ScoringRule>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={scheme.rules}
          scroll={{ x: 820 }}
          columns={[
            {
              title: t('assessment.scheme.rule'),
              key: 'rule',
              fixed: isMobile ? undefined : 'left',
              width: 190,
              render: (_v, rule) => (
                <Flex gap={6} align="center">
                  <span>{t(`assessment.rules.${rule.id}.name`)}</span>
                  <Tooltip title={t(`assessment.rules.${rule.id}.help`)}>
                    <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
                  </Tooltip>
                </Flex>
              ),
            },
            {
              title: t('assessment.scheme.enabled'),
              key: 'enabled',
              width: 72,
              render: (_v, rule) => (
                <Switch
                  size="small"
                  checked={rule.enabled}
                  disabled={readOnly}
                  aria-label={`${t(`assessment.rules.${rule.id}.name`)} ${t('assessment.scheme.enabled')}`}
                  onChange={(enabled) => setRule(rule.id, { enabled })}
                />
              ),
            },
            ...(['lead', 'cooperating'] as const).map((role) => ({
              title: t(`assessment.scheme.${role}`),
              key: role,
              width: 120,
              render: (_v: unknown, rule: ScoringRule) => (
                <InputNumber
                  {...pointsProps}
                  value={rule[role]}
                  disabled={readOnly || !rule.enabled}
                  aria-label={`${t(`assessment.rules.${rule.id}.name`)} ${t(`assessment.scheme.${role}`)}`}
                  onChange={(value) => setRule(rule.id, { [role]: value ?? 0 })}
                />
              ),
            })),
            {
              title: t('assessment.scheme.perWorkingDay'),
              key: 'perWorkingDay',
              width: 110,
              render: (_v, rule) => (
                <Switch
                  size="small"
                  checked={rule.perWorkingDay}
                  disabled={readOnly || !rule.enabled}
                  onChange={(perWorkingDay) => setRule(rule.id, { perWorkingDay })}
                />
              ),
            },
            {
              title: t('assessment.scheme.cap'),
              key: 'cap',
              width: 120,
              render: (_v, rule) => (
                <InputNumber
                  min={0}
                  max={1000}
                  precision={2}
                  style={{ width: 96 }}
                  value={rule.capPerTask}
                  placeholder={t('assessment.scheme.noCap')}
                  disabled={readOnly || !rule.enabled}
                  onChange={(value) => setRule(rule.id, { capPerTask: value ?? null })}
                />
              ),
            },
          ]}
        />
      </Flex>
    </Drawer>
  );
}
