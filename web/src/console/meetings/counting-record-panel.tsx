import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { meetingKeys } from '../../meeting/queries';
import { ProblemAlert } from '../../ui/problem-alert';
import { CardHeading } from './card-heading';
import { consoleMeetingKeys, type Poll } from './meeting-queries';
import { PdfButton } from './pdf-button';

type Signature = Schemas['DocumentSignatureDto'];

/**
 * The counting record (biên bản kiểm phiếu): its figures, who has signed and who has not, the PDF,
 * and the certification — explained in words while a signature is missing.
 */
export function CountingRecordPanel({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const record = useQuery({
    queryKey: consoleMeetingKeys.record(poll.id),
    queryFn: () => unwrap(api.GET('/api/v1/polls/{id}/counting-record', { params: { path: { id: poll.id } } })),
    // Signatures are made on the signers' own devices and raise no event: read again until certified.
    refetchInterval: poll.status === 'tallied' ? 3000 : false,
  });
  const certify = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/polls/{id}/certify', {
          params: { path: { id: poll.id } },
          body: { expectedVersion: poll.version },
        }),
      ),
    onSuccess: (updated) => queryClient.setQueryData(consoleMeetingKeys.poll(poll.id), updated),
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingKeys.polls(poll.meetingId) }),
  });
  const data = record.data;
  const pending = data?.pendingBoardMembers ?? [];
  const missing = [
    ...pending.map((p) => p.fullName),
    ...(data?.secretariatSigned ? [] : [t('console.meetings.record.secretariat')]),
  ];
  return (
    <Card title={<CardHeading>{t('console.meetings.record.title')}</CardHeading>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <ProblemAlert error={record.error} />
        {data && (
          <>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'meeting', label: t('console.meetings.record.meeting'), children: data.content.meeting.title },
                {
                  key: 'ballots',
                  label: t('console.meetings.record.ballots'),
                  children: t('console.meetings.record.ballotsValue', { ...data.content.ballots }),
                },
                {
                  key: 'board',
                  label: t('console.meetings.board.members'),
                  children: data.content.countingBoard.map((m) => m.fullName).join(', '),
                },
                {
                  key: 'digest',
                  label: t('console.meetings.record.digest'),
                  children: <code>{data.digest.match(/.{1,8}/g)?.join(' ')}</code>,
                },
              ]}
            />
            <section aria-labelledby="signatures-title">
              <h3 id="signatures-title">{t('console.meetings.record.signatures')}</h3>
              <Table<Signature>
                rowKey="signatureId"
                size="small"
                pagination={false}
                dataSource={data.signatures}
                locale={{ emptyText: t('console.meetings.record.noSignature') }}
                columns={[
                  { key: 'signer', title: t('console.meetings.record.signer'), dataIndex: 'signerName' },
                  {
                    key: 'capacity',
                    title: t('console.meetings.record.capacity'),
                    render: (_, s) =>
                      t(`console.meetings.record.capacityOf.${s.capacity}`, { defaultValue: s.capacity }),
                  },
                  { key: 'unit', title: t('console.meetings.register.unit'), render: (_, s) => s.unitName ?? '—' },
                  {
                    key: 'key',
                    title: t('console.meetings.record.key'),
                    render: (_, s) => <code>{s.keyFingerprint.slice(0, 16)}</code>,
                  },
                ]}
              />
            </section>
            <div aria-live="polite">
              {poll.status === 'certified' ? (
                <Alert
                  type="success"
                  showIcon
                  title={t('console.meetings.record.certified', { at: formatDateTime(poll.certifiedAt!) })}
                />
              ) : data.readyToCertify ? (
                <Alert type="info" showIcon title={t('console.meetings.record.ready')} />
              ) : (
                <Alert
                  type="warning"
                  showIcon
                  title={t('console.meetings.record.notReady', { names: missing.join(', ') })}
                />
              )}
            </div>
            <Space wrap>
              {poll.status === 'tallied' && (
                <Button type="primary" onClick={() => certify.mutate()} loading={certify.isPending}>
                  {t('console.meetings.record.certify')}
                </Button>
              )}
              <PdfButton
                path={`/api/v1/polls/${poll.id}/counting-record.pdf`}
                label={t('console.meetings.record.pdf')}
              />
            </Space>
            {certify.error instanceof ApiProblem && certify.error.code === 'counting_record_not_signed' ? (
              <Alert
                role="alert"
                type="error"
                showIcon
                title={t('console.meetings.record.refused', { names: missing.join(', ') })}
              />
            ) : (
              <ProblemAlert error={certify.error} />
            )}
          </>
        )}
      </Space>
    </Card>
  );
}
