import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap, useProblemMessage, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import type { EvidenceLimits } from './evidence-check';
import { EvidenceDrawer } from './evidence-drawer';
import { showPoints, withinMax } from './points';
import {
  changedEntries,
  sheetFormValues,
  sheetRows,
  subtotalOf,
  typedTotals,
  type SheetFormValues,
  type SheetRow,
} from './sheet-rows';
import { ReviewCell } from './review-cell';

type Sheet = Schemas['ScoreSheetResponseDto'];

interface ScoreSheetFormProps {
  sheet: Sheet;
  limits: EvidenceLimits;
  /** The officer on a draft sheet; otherwise the sheet is shown read-only. */
  editable: boolean;
}

/**
 * The self-scoring sheet: the criteria tree with each leaf's maximum, the self score and note typed
 * in place, parents and totals summed as you type (in hundredths, never a float), saved in one
 * request (PUT …/self-scores: all or nothing, refusals at their lines). Evidence per criterion.
 */
export function ScoreSheetForm({ sheet, limits, editable }: ScoreSheetFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const messageOf = useProblemMessage();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SheetFormValues>();
  const rows = useMemo(() => sheetRows(sheet), [sheet]);
  const draft = useFormDraft(form, editable ? `sheet:${sheet.periodId}:${sheet.unitId}` : undefined);
  const initial = useMemo(() => sheetFormValues(rows), [rows]);
  const watched = Form.useWatch('scores', form) as SheetFormValues['scores'];
  const values: SheetFormValues = { scores: watched ?? initial.scores };
  const totals = typedTotals(rows, values);
  const [evidenceOf, setEvidenceOf] = useState<SheetRow | null>(null);

  const save = useMutation({
    mutationFn: async (entries: ReturnType<typeof changedEntries>) =>
      unwrap(
        api.PUT('/api/v1/scoring-periods/{periodId}/units/{unitId}/self-scores', {
          params: { path: { periodId: sheet.periodId, unitId: sheet.unitId } },
          body: { entries },
        }),
      ),
    onSuccess: (stored) => {
      draft.clear();
      queryClient.setQueryData(['portal', 'sheet', sheet.periodId, sheet.unitId], stored);
      void message.success(t('portal.scoring.saved'));
    },
    onError: (error, entries) => {
      // Each refused line at its field: `entries[3].selfScore` → the score of the 4th line sent.
      if (!(error instanceof ApiProblem) || !Array.isArray(error.problem.errors)) return;
      form.setFields(
        error.problem.errors.flatMap((fieldError) => {
          const match = /^entries\[(\d+)\]\.(\w+)$/.exec(fieldError.field);
          const entry = match ? entries[Number(match[1])] : undefined;
          if (!entry) return [];
          const field = match![2] === 'selfNote' ? 'selfNote' : 'selfScore';
          const sentence = messageOf(new ApiProblem(422, fieldError.code ?? 'validation_failed', {}));
          return [{ name: ['scores', entry.itemCode, field], errors: [sentence] }];
        }),
      );
    },
  });

  const onSave = () =>
    form
      .validateFields()
      .then((all) => {
        const entries = changedEntries(rows, all);
        if (entries.length === 0) void message.info(t('portal.scoring.nothingTyped'));
        else save.mutate(entries);
      })
      .catch(() => undefined);

  const columns: TableColumnsType<SheetRow> = [
    {
      key: 'criterion',
      title: t('portal.scoring.col.criterion'),
      render: (_, row) => (
        <span
          style={{ paddingLeft: `${row.depth * 1.25}rem` }}
          className={row.kind === 'parent' ? 'portal-parent' : undefined}
        >
          <strong>{row.code}</strong> {row.name}
        </span>
      ),
    },
    {
      key: 'max',
      title: t('portal.scoring.col.max'),
      align: 'right',
      render: (_, row) =>
        row.kind === 'bonus' || row.kind === 'penalty' ? t('portal.scoring.cap', { cap: row.max }) : row.max,
    },
    {
      key: 'self',
      title: t('portal.scoring.col.self'),
      render: (_, row) =>
        row.kind === 'parent' ? (
          <strong className="portal-totals">{showPoints(subtotalOf(row, values))}</strong>
        ) : (
          <Form.Item
            name={['scores', row.code, 'selfScore']}
            noStyle={false}
            className="portal-cell"
            rules={[
              {
                validator: (_rule, value: string | undefined) =>
                  !value || withinMax(value, row.max)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('portal.scoring.outOfRange', { max: row.max }))),
              },
            ]}
          >
            <Input
              aria-label={t('portal.scoring.scoreOf', { code: row.code })}
              inputMode="decimal"
              disabled={!editable}
            />
          </Form.Item>
        ),
    },
    {
      key: 'note',
      title: t('portal.scoring.col.note'),
      render: (_, row) =>
        row.kind === 'parent' ? null : (
          <Form.Item name={['scores', row.code, 'selfNote']} className="portal-cell">
            <Input.TextArea
              aria-label={t('portal.scoring.noteOf', { code: row.code })}
              autoSize={{ minRows: 1, maxRows: 3 }}
              disabled={!editable}
            />
          </Form.Item>
        ),
    },
    {
      key: 'review',
      title: t('portal.scoring.col.review'),
      render: (_, row) => (row.kind === 'parent' ? null : <ReviewCell row={row} sheet={sheet} />),
    },
    {
      key: 'evidence',
      title: t('portal.scoring.col.evidence'),
      render: (_, row) =>
        row.kind === 'leaf' ? (
          <Button onClick={() => setEvidenceOf(row)}>{t('portal.scoring.evidence.open', { code: row.code })}</Button>
        ) : null,
    },
  ];

  return (
    <Form form={form} initialValues={initial} onValuesChange={draft.onValuesChange} component="div">
      {draft.hasDraft && editable && <p className="portal-muted">{t('portal.scoring.draftKept')}</p>}
      <Table<SheetRow>
        className="portal-score-table"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        size="small"
        scroll={{ x: 900 }}
      />
      <section aria-labelledby="portal-totals-title" className="portal-totals-box">
        <Typography.Title level={2} id="portal-totals-title">
          {t('portal.scoring.totals.title')}: <span className="portal-totals">{showPoints(totals.total)}</span>
        </Typography.Title>
        <p className="portal-totals">
          {t('portal.scoring.totals.line', {
            criteria: showPoints(totals.criteria),
            bonus: showPoints(totals.bonus),
            penalty: showPoints(totals.penalty),
            total: showPoints(totals.total),
          })}
        </p>
      </section>
      {save.error ? <ProblemAlert error={save.error} title={t('portal.scoring.refused')} /> : null}
      {editable && (
        <Button type="primary" onClick={onSave} loading={save.isPending} className="portal-actions">
          {t('portal.scoring.save')}
        </Button>
      )}
      <EvidenceDrawer
        row={evidenceOf}
        sheet={sheet}
        limits={limits}
        editable={editable}
        onClose={() => setEvidenceOf(null)}
      />
    </Form>
  );
}
