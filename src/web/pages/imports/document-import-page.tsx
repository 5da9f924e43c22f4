import { Alert, Button, Col, Flex, Row, Steps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParseResult, RegisterImportInput, RegisterImportResult } from '../../api/document-import.api.js';
import { PageHeader } from '../../components/page-header.js';
import { currentLocale } from '../../i18n/index.js';
import { formatDateTime } from '../../lib/format.js';
import { ImportDone } from './import-done.js';
import { EMPTY_INPUT, type ImportInput, ImportInputStep } from './import-input-step.js';
import type { ImportTreeEdit } from './import-item-details.js';
import { ImportRegisterPanel, type SourceDraft } from './import-register-panel.js';
import { ImportTextPanel } from './import-text-panel.js';
import { ImportTreeEditor } from './import-tree-editor.js';
import {
  type DraftItem,
  draftsFromParsed,
  flatten,
  mappingFromMatches,
  toImportItems,
  type UnitMapping,
  unitsOf,
  unmappedNames,
} from './import-tree-model.js';
import { ImportUnitMapping } from './import-unit-mapping.js';

/** How many items would have no lead unit, counting what a subtask without units takes from its parent. */
function countWithoutLead(items: readonly DraftItem[], mapping: UnitMapping, inherited: number | null = null): number {
  return items.reduce((sum, item) => {
    const units = unitsOf(item, mapping);
    const own = units.leadUnitId !== null || units.cooperatingUnitIds.length > 0;
    const lead = own ? units.leadUnitId : inherited;
    return sum + (lead === null ? 1 : 0) + countWithoutLead(item.children, mapping, lead);
  }, 0);
}

function sourceFrom(result: ParseResult): SourceDraft {
  const firstLine = result.text.split('\n').find((line) => line.trim()) ?? '';
  return {
    kind: 'document',
    title: (result.document.title ?? firstLine).trim().slice(0, 300),
    docNumber: result.document.docNumber ?? '',
    issuer: '',
    issuedOn: null,
  };
}

/**
 * 导入文件: a document becomes a reviewed task tree in minutes (issue 6 item 4). Step 1 takes
 * the text or a file; step 2 shows the normalised text beside the parsed tree, to edit, with the
 * unit names to map on top; registering writes the source and every task at once.
 */
export function DocumentImportPage() {
  const { t } = useTranslation();
  const [input, setInput] = useState<ImportInput>(EMPTY_INPUT);
  const [result, setResult] = useState<ParseResult | null>(null);
  const [tree, setTree] = useState<DraftItem[]>([]);
  const [manual, setManual] = useState<Record<string, number>>({});
  const [source, setSource] = useState<SourceDraft | null>(null);
  const [mode, setMode] = useState<'draft' | 'assign'>('assign');
  const [registered, setRegistered] = useState<RegisterImportResult | null>(null);

  const mapping = useMemo(() => ({ ...mappingFromMatches(result?.units ?? {}), ...manual }), [result, manual]);
  const reviewNames = useMemo(() => {
    const used = new Set(
      flatten(tree)
        .filter((item) => !item.units)
        .flatMap((item) => [...item.leadNames, ...item.cooperatingNames]),
    );
    return Object.entries(result?.units ?? {})
      .filter(([name, match]) => match.status !== 'matched' && used.has(name))
      .map(([name]) => name);
  }, [result, tree]);

  const handleParsed = (parsed: ParseResult) => {
    setResult(parsed);
    setTree(draftsFromParsed(parsed.document.items));
    setManual({});
    setSource(sourceFrom(parsed));
  };
  const handleEdit: ImportTreeEdit = (edit) => setTree((current) => edit(current));
  const handleMap = (name: string, unitId: number | null) =>
    setManual(({ [name]: _old, ...rest }) => (unitId === null ? rest : { ...rest, [name]: unitId }));
  const handleAgain = () => {
    setRegistered(null);
    setResult(null);
    setInput(EMPTY_INPUT);
  };

  const buildInput = (): RegisterImportInput => ({
    source: {
      kind: source?.kind ?? 'document',
      title: source?.title.trim() ?? '',
      docNumber: source?.docNumber.trim() || null,
      issuer: source?.issuer.trim() || null,
      issuedOn: source?.issuedOn ?? null,
      fullText: result?.original ?? null,
    },
    contentHash: result?.contentHash ?? '',
    mode,
    items: toImportItems(tree, mapping),
    aliases: Object.entries(manual)
      .filter(([written]) => reviewNames.includes(written))
      .map(([written, unitId]) => ({ written, unitId })),
  });

  const step = registered ? 2 : result ? 1 : 0;
  return (
    <>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <Steps
        current={step}
        size="small"
        responsive={false}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('imports.steps.input') },
          { title: t('imports.steps.review') },
          { title: t('imports.steps.register') },
        ]}
      />
      {step === 0 && <ImportInputStep input={input} onChange={setInput} onParsed={handleParsed} />}
      {step === 1 && result && source && (
        <Flex vertical gap={16}>
          {result.duplicateOf && (
            <Alert
              type="warning"
              showIcon
              title={t('imports.review.duplicate', {
                date: formatDateTime(result.duplicateOf.importedAt, currentLocale()),
                title: result.duplicateOf.title,
              })}
              action={<Link to={`/sources?id=${result.duplicateOf.sourceId}`}>{t('imports.review.openSource')}</Link>}
            />
          )}
          <ImportUnitMapping names={reviewNames} matches={result.units} manual={manual} onMap={handleMap} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <ImportTextPanel result={result} />
            </Col>
            <Col xs={24} xl={14}>
              <ImportTreeEditor items={tree} mapping={mapping} onEdit={handleEdit} />
            </Col>
          </Row>
          <ImportRegisterPanel
            source={source}
            onSourceChange={setSource}
            mode={mode}
            onModeChange={setMode}
            summary={{
              count: flatten(tree).length,
              top: tree.length,
              withoutLead: countWithoutLead(tree, mapping),
              unmapped: unmappedNames(tree, mapping).length,
            }}
            buildInput={buildInput}
            onRegistered={setRegistered}
          />
          <Flex>
            <Button onClick={() => setResult(null)}>{t('imports.review.back')}</Button>
          </Flex>
        </Flex>
      )}
      {step === 2 && registered && <ImportDone result={registered} onAgain={handleAgain} />}
    </>
  );
}
