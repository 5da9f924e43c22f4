import { Alert, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitMatchView } from '../../../shared/document-import-api.js';
import { UnitTreeSelect } from '../../components/unit-tree-select.js';
import { mappedUnit } from './import-tree-model.js';

interface ImportUnitMappingProps {
  /** Names the server could not match to exactly one unit, still used in the tree. */
  names: string[];
  matches: Readonly<Record<string, UnitMatchView>>;
  /** The person's choices so far. */
  manual: Readonly<Record<string, number>>;
  onMap: (name: string, unitId: number | null) => void;
}

/**
 * The unit names to confirm, at the top of the review: each with why it did not match, the
 * closest units as one-click suggestions, and a unit picker. A choice applies to every item using
 * the name and is remembered as an alias when the document is registered.
 */
export function ImportUnitMapping({ names, matches, manual, onMap }: ImportUnitMappingProps) {
  const { t } = useTranslation();
  if (names.length === 0) return <Alert type="success" showIcon title={t('imports.units.allMapped')} />;
  const open = names.filter((name) => mappedUnit(manual, name) === undefined).length;
  return (
    <Card
      size="small"
      title={t('imports.units.title', { count: open })}
      styles={{ header: { background: open > 0 ? 'var(--ant-color-warning-bg)' : undefined } }}
    >
      <Typography.Paragraph type="secondary">{t('imports.units.hint')}</Typography.Paragraph>
      <Flex vertical gap={12}>
        {names.map((name) => {
          const match = matches[name];
          const chosen = mappedUnit(manual, name);
          return (
            <Row key={name} gutter={[12, 8]} align="middle">
              <Col xs={24} md={8}>
                <Flex gap={8} wrap align="center">
                  <Typography.Text strong>{name}</Typography.Text>
                  {chosen !== undefined ? (
                    <Tag color="success">{t('imports.units.mapped')}</Tag>
                  ) : (
                    <Tag color={match?.status === 'ambiguous' ? 'warning' : 'error'}>
                      {t(match?.status === 'ambiguous' ? 'imports.units.ambiguous' : 'imports.units.unknown')}
                    </Tag>
                  )}
                </Flex>
              </Col>
              <Col xs={24} md={16}>
                <Flex vertical gap={6}>
                  <UnitTreeSelect
                    value={chosen ?? null}
                    onChange={(unitId) => onMap(name, unitId)}
                    placeholder={t('imports.units.pick', { name })}
                    aria-label={t('imports.units.pick', { name })}
                  />
                  {(match?.candidates.length ?? 0) > 0 && (
                    <Flex gap={6} wrap align="center">
                      <Typography.Text type="secondary">{t('imports.units.suggestions')}</Typography.Text>
                      {match?.candidates.map((candidate) => (
                        <Tag.CheckableTag
                          key={candidate.unitId}
                          checked={chosen === candidate.unitId}
                          onChange={() => onMap(name, candidate.unitId)}
                        >
                          {candidate.name}
                        </Tag.CheckableTag>
                      ))}
                    </Flex>
                  )}
                </Flex>
              </Col>
            </Row>
          );
        })}
      </Flex>
    </Card>
  );
}
