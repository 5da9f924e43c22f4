import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LADDER_ACTIONS, LADDER_RECIPIENTS, LADDER_TRIGGERS } from '../../../shared/ladder-api.js';
import type { LadderRuleView, LadderSettings } from '../../api/supervision.api.js';
import { useLadderSettings, useUpdateLadderSettings } from '../../api/supervision.queries.js';
import { SettingsCard } from '../../components/settings-card.js';
import { SettingsForm } from '../../components/settings-form.js';

interface Values {
  rules: LadderRuleView[];
}

/** Triggers that count working days (the stalled trigger fires once per stall). */
const COUNTED = new Set(LADDER_TRIGGERS.filter((trigger) => trigger !== 'stalled'));

/**
 * The escalation ladder (admins): each rule's trigger (before/after the deadline, report missing,
 * stalled, unacknowledged, instruction unanswered) with its working days, the action and who hears
 * of it. A rule's id keys what it already fired, so a new rule gets a new id and ids never change.
 */
export function LadderSettingsCard() {
  const { t } = useTranslation();
  const settings = useLadderSettings();
  const update = useUpdateLadderSettings();
  return (
    <SettingsCard title={t('supervision.ladder.title')} settings={settings} skeletonRows={6}>
      {(data) => (
        <SettingsForm<Values, LadderSettings>
          version={data.version}
          initialValues={{ rules: data.rules }}
          fields={['rules']}
          update={update}
          toInput={(values, version) => ({ rules: values.rules.map(normalised), version })}
          texts={{ saved: t('supervision.ladder.saved'), conflict: t('supervision.ladder.conflict') }}
        >
          <Form.List name="rules">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8} style={{ marginBottom: 16 }}>
                {fields.map((field) => (
                  <Card key={field.key} size="small" styles={{ body: { paddingBottom: 0 } }}>
                    <Flex gap={8} wrap align="flex-start">
                      <Form.Item
                        name={[field.name, 'enabled']}
                        valuePropName="checked"
                        label={t('supervision.ladder.enabled')}
                      >
                        <Switch size="small" />
                      </Form.Item>
                      <Form.Item name={[field.name, 'trigger', 'kind']} label={t('supervision.ladder.trigger')}>
                        <Select
                          style={{ width: 170 }}
                          options={LADDER_TRIGGERS.map((trigger) => ({
                            value: trigger,
                            label: t(`supervision.ladder.triggers.${trigger}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item noStyle shouldUpdate>
                        {({ getFieldValue }) =>
                          COUNTED.has(getFieldValue(['rules', field.name, 'trigger', 'kind'])) && (
                            <Form.Item
                              name={[field.name, 'trigger', 'workingDays']}
                              label={t('supervision.ladder.workingDays')}
                              initialValue={0}
                            >
                              <InputNumber min={0} max={365} precision={0} style={{ width: 90 }} />
                            </Form.Item>
                          )
                        }
                      </Form.Item>
                      <Form.Item name={[field.name, 'action']} label={t('supervision.ladder.action')}>
                        <Select
                          style={{ width: 140 }}
                          options={LADDER_ACTIONS.map((action) => ({
                            value: action,
                            label: t(`supervision.kinds.${action}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'recipients']}
                        label={t('supervision.ladder.recipients')}
                        style={{ flex: '1 1 220px', minWidth: 0 }}
                      >
                        <Select
                          mode="multiple"
                          options={LADDER_RECIPIENTS.map((recipient) => ({
                            value: recipient,
                            label: t(`supervision.ladder.recipientNames.${recipient}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'id']} hidden>
                        <Input />
                      </Form.Item>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('supervision.ladder.remove')}
                        onClick={() => remove(field.name)}
                        style={{ marginTop: 30 }}
                      />
                    </Flex>
                  </Card>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({
                      id: `rule-${Date.now().toString(36)}`,
                      trigger: { kind: 'after_deadline', workingDays: 0 },
                      action: 'reminder',
                      recipients: ['unit_head'],
                      enabled: true,
                    })
                  }
                >
                  {t('supervision.ladder.add')}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('supervision.ladder.help')}
                </Typography.Text>
              </Flex>
            )}
          </Form.List>
        </SettingsForm>
      )}
    </SettingsCard>
  );
}

/** The stalled trigger carries no working days; every other trigger does. */
function normalised(rule: LadderRuleView): LadderRuleView {
  if (rule.trigger.kind === 'stalled') return { ...rule, trigger: { kind: 'stalled' } };
  const days = 'workingDays' in rule.trigger ? (rule.trigger.workingDays ?? 0) : 0;
  return { ...rule, trigger: { kind: rule.trigger.kind, workingDays: days } };
}
