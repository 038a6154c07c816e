import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { idempotencyKey, useCycleChanged, type Dashboard, type UnmetCondition } from './cycle-data';
import { GateConditions, gateTitle } from './gate-conditions';
import { TAG } from '../../ui/readable';

/** The conditions of entering the next phase, gate by gate, and the button that advances the year. */
export function NextPhase({ dashboard, unitNames }: { dashboard: Dashboard; unitNames: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const changed = useCycleChanged();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const next = dashboard.next;
  if (!next) {
    return (
      <section aria-labelledby="year-next" className="year-section">
        <Typography.Title level={2} id="year-next">
          {t('console.year.next.closedHeading')}
        </Typography.Title>
        <Typography.Paragraph>{t('console.year.next.closed')}</Typography.Paragraph>
      </section>
    );
  }
  const phaseName = t(`console.phase.${next.phase}`);
  // Entering `closed` ends the year: said as such rather than "advance to Closed".
  const closing = next.phase === 'closed';
  const refusedConditions =
    error instanceof ApiProblem && error.code === 'cycle_gate_unmet' && Array.isArray(error.problem.unmet)
      ? (error.problem.unmet as UnmetCondition[])
      : undefined;

  const advance = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const cycle = await unwrap(
        api.POST('/api/v1/cycles/{id}/advance', {
          params: { path: { id: dashboard.cycle.id }, header: { 'Idempotency-Key': idempotencyKey() } },
          body: { to: next.phase, expectedVersion: dashboard.cycle.version },
        }),
      );
      await changed(cycle);
      void message.success(t('console.year.next.done', { phase: phaseName }));
    } catch (caught) {
      setError(caught);
      await changed(dashboard.cycle);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="year-next" className="year-section">
      <Typography.Title level={2} id="year-next">
        {closing ? t('console.year.next.closeHeading') : t('console.year.next.heading', { phase: phaseName })}
      </Typography.Title>
      {next.gates.length === 0 && <Typography.Paragraph>{t('console.year.next.noGates')}</Typography.Paragraph>}
      <ul className="year-gates">
        {next.gates.map((gate) => (
          <li key={gate.key}>
            <Space wrap>
              <Tag color={gate.met ? TAG.good : gate.blocking ? TAG.bad : TAG.warn}>
                {t(gate.met ? 'console.year.next.met' : 'console.year.next.unmet')}
              </Tag>
              <Typography.Text strong>{gateTitle(t, (key) => i18n.exists(key), gate)}</Typography.Text>
              {!gate.blocking && <Tag>{t('console.year.next.notBlocking')}</Tag>}
            </Space>
            {!gate.met && <GateConditions conditions={gate.unmet} unitNames={unitNames} />}
          </li>
        ))}
      </ul>
      <Popconfirm
        title={closing ? t('console.year.next.confirmClose') : t('console.year.next.confirm', { phase: phaseName })}
        okText={t('console.year.next.confirmOk')}
        cancelText={t('console.year.cancel')}
        onConfirm={() => void advance()}
      >
        <Button type="primary" loading={busy}>
          {closing ? t('console.year.next.close') : t('console.year.next.advance', { phase: phaseName })}
        </Button>
      </Popconfirm>
      {error !== undefined && (
        <div className="year-refusal">
          <ProblemAlert error={error} />
          {refusedConditions && (
            <>
              <Typography.Paragraph strong>{t('console.year.next.refusedBecause')}</Typography.Paragraph>
              <GateConditions conditions={refusedConditions} unitNames={unitNames} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
