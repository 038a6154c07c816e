import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { useRoll } from '../../meeting/queries';
import { useLineLabel } from '../../pages/counting/sheet-lines';
import { ProblemAlert } from '../../ui/problem-alert';
import { CardHeading } from './card-heading';
import { useConsoleScope } from '../console-scope';
import { consoleMeetingKeys, useMemberUnits, type Poll } from './meeting-queries';

type Comparison = Schemas['PaperLineComparisonDto'];

/** Paper ballots: handed out while the poll is open; after the close, both board members' entries side by side. */
export function PaperPanel({ poll, meetingId }: { poll: Poll; meetingId: string }) {
  const { t } = useTranslation();
  return (
    <Card title={<CardHeading>{t('console.meetings.paper.title')}</CardHeading>}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <PaperBallots poll={poll} />
        {poll.status !== 'open' && <PaperEntries poll={poll} meetingId={meetingId} />}
      </Space>
    </Card>
  );
}

function PaperBallots({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roll = useRoll(poll.id, true);
  const { clusterId } = useConsoleScope();
  const units = useMemberUnits(clusterId);
  const unitName = (unitId: string) => units.data?.find((unit) => unit.id === unitId)?.name ?? '';
  const handed = useQuery({
    queryKey: consoleMeetingKeys.paperBallots(poll.id),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/polls/{id}/paper-ballots', { params: { path: { id: poll.id }, query: { pageSize: 100 } } }),
        )
      ).items,
  });
  const [unitId, setUnitId] = useState<string>();
  const hand = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/polls/{id}/paper-ballots', { params: { path: { id: poll.id } }, body: { unitId: unitId! } }),
      ),
    onSuccess: () => setUnitId(undefined),
    onSettled: () => queryClient.invalidateQueries({ queryKey: consoleMeetingKeys.paperBallots(poll.id) }),
  });
  const holders = handed.data ?? [];
  const candidates = (roll.data?.voters ?? []).filter((voter) => !holders.some((h) => h.unitId === voter.unitId));
  return (
    <section aria-labelledby="paper-ballots-title">
      <h3 id="paper-ballots-title">{t('console.meetings.paper.handedTitle')}</h3>
      <Typography.Paragraph>
        {holders.length === 0
          ? t('console.meetings.paper.noneHanded')
          : t('console.meetings.paper.handed', {
              units: holders.map((h) => unitName(h.unitId)).join(', '),
              n: holders.reduce((n, h) => n + h.ballots, 0),
            })}
      </Typography.Paragraph>
      {poll.status === 'open' && (
        <Form layout="inline" onFinish={() => hand.mutate()}>
          <Form.Item label={t('console.meetings.register.unit')} htmlFor="paper-unit">
            <Select
              id="paper-unit"
              style={{ minWidth: 240 }}
              value={unitId}
              onChange={setUnitId}
              options={candidates.map((voter) => ({ value: voter.unitId, label: unitName(voter.unitId) }))}
            />
          </Form.Item>
          <Button htmlType="submit" disabled={!unitId} loading={hand.isPending}>
            {t('console.meetings.paper.hand')}
          </Button>
        </Form>
      )}
      <ProblemAlert error={hand.error ?? handed.error} />
    </section>
  );
}

/** The two entries line by line: agreed lines, disagreeing ones (both figures), the sheet's checks, acceptance. */
function PaperEntries({ poll, meetingId }: { poll: Poll; meetingId: string }) {
  const { t } = useTranslation();
  const label = useLineLabel(poll);
  const entries = useQuery({
    queryKey: consoleMeetingKeys.paperEntries(poll.id),
    queryFn: () => unwrap(api.GET('/api/v1/polls/{id}/paper-entries', { params: { path: { id: poll.id } } })),
    // Entries raise no event: while the board counts, the page reads them again.
    refetchInterval: poll.status === 'closed' ? 3000 : false,
  });
  const data = entries.data;
  const names = new Map((data?.history ?? []).map((entry) => [entry.enteredBy, entry.enteredByName]));
  const members = [...names.keys()];
  const countPage = `/meetings/${meetingId}/polls/${poll.id}/count`;
  return (
    <section aria-labelledby="paper-entries-title">
      <h3 id="paper-entries-title">{t('console.meetings.paper.entriesTitle')}</h3>
      <Typography.Paragraph>
        {t('console.meetings.paper.countPage')}{' '}
        <a href={countPage}>{`${globalThis.location?.origin ?? ''}${countPage}`}</a>
      </Typography.Paragraph>
      <ProblemAlert error={entries.error} />
      {data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <div aria-live="polite">
            {data.accepted ? (
              <Alert
                type="success"
                showIcon
                title={t('console.meetings.paper.accepted', {
                  members: data.agreeingMembers.map((id) => names.get(id) ?? '').join(', '),
                })}
              />
            ) : (
              <Alert
                type="warning"
                showIcon
                title={
                  members.length < 2
                    ? t('console.meetings.paper.waiting', { n: members.length })
                    : t('console.meetings.paper.notAccepted')
                }
                description={
                  data.inconsistencies.length > 0
                    ? t('console.meetings.paper.inconsistent', { list: data.inconsistencies.join('; ') })
                    : undefined
                }
              />
            )}
          </div>
          {members.length > 0 && (
            <Table<Comparison>
              rowKey="line"
              size="small"
              pagination={false}
              dataSource={data.lines}
              caption={t('console.meetings.paper.tableCaption')}
              columns={[
                { key: 'line', title: t('console.meetings.paper.line'), render: (_, row) => label(row.line) },
                ...members.map((memberId) => ({
                  key: memberId,
                  title: names.get(memberId),
                  render: (_: unknown, row: Comparison) =>
                    row.figures.find((f) => f.memberId === memberId)?.count ?? '—',
                })),
                {
                  key: 'agreed',
                  title: t('console.meetings.paper.agreement'),
                  render: (_, row) =>
                    row.agreed ? (
                      <Tag>{t('console.meetings.paper.agree')}</Tag>
                    ) : (
                      <Tag>{t('console.meetings.paper.disagree')}</Tag>
                    ),
                },
              ]}
            />
          )}
        </Space>
      )}
    </section>
  );
}
