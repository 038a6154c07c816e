import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { meetingKeys, type Meeting, type Quorum } from '../../meeting/queries';
import { ProblemAlert } from '../../ui/problem-alert';
import { useConsoleScope } from '../console-scope';
import { CardHeading } from './card-heading';
import { useMemberUnits, useRegister } from './meeting-queries';
import { PersonName, usePeopleNames } from './person-name';

type Stay = Schemas['AttendanceResponseDto'];

/** The attendance register: every arrival and departure; the clerk checks someone in for their unit, or out. */
export function AttendancePanel({ meeting, quorum }: { meeting: Meeting; quorum?: Quorum }) {
  const { t } = useTranslation();
  const { clusterId } = useConsoleScope();
  const register = useRegister(meeting.id);
  const units = useMemberUnits(clusterId);
  const unitName = (unitId: string) => units.data?.find((unit) => unit.id === unitId)?.name ?? '';
  const queryClient = useQueryClient();
  const checkOut = useMutation({
    mutationFn: (unitId: string) =>
      unwrap(
        api.POST('/api/v1/meetings/{id}/attendance/check-out', {
          params: { path: { id: meeting.id } },
          body: { unitId },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingKeys.quorum(meeting.id) }),
  });
  const open = meeting.status !== 'closed';

  return (
    <Card title={<CardHeading>{t('console.meetings.register.title')}</CardHeading>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <ProblemAlert error={register.error ?? checkOut.error} />
        <Table<Stay>
          rowKey="id"
          size="small"
          pagination={false}
          loading={register.isPending}
          dataSource={register.data}
          locale={{ emptyText: t('console.meetings.register.empty') }}
          columns={[
            { key: 'unit', title: t('console.meetings.register.unit'), render: (_, stay) => unitName(stay.unitId) },
            {
              key: 'person',
              title: t('console.meetings.register.person'),
              render: (_, stay) => <PersonName userId={stay.delegateId} />,
            },
            {
              key: 'in',
              title: t('console.meetings.register.checkedIn'),
              render: (_, stay) => formatDateTime(stay.checkedInAt),
            },
            {
              key: 'out',
              title: t('console.meetings.register.checkedOut'),
              render: (_, stay) =>
                stay.present ? <Tag>{t('console.meetings.register.present')}</Tag> : formatDateTime(stay.checkedOutAt!),
            },
            {
              key: 'action',
              title: t('console.meetings.register.action'),
              render: (_, stay) =>
                stay.present && open ? (
                  <Button
                    size="small"
                    onClick={() => checkOut.mutate(stay.unitId)}
                    loading={checkOut.isPending && checkOut.variables === stay.unitId}
                  >
                    {t('console.meetings.register.checkOut', { unit: unitName(stay.unitId) })}
                  </Button>
                ) : null,
            },
          ]}
        />
        {open && <CheckInForm meetingId={meeting.id} units={units.data ?? []} present={quorum?.presentUnits ?? []} />}
      </Space>
    </Card>
  );
}

/** Checks in a person holding a delegate or head mandate of the unit, in force today. */
function CheckInForm({
  meetingId,
  units,
  present,
}: {
  meetingId: string;
  units: { id: string; name: string }[];
  present: Quorum['presentUnits'];
}) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState<string>();
  const [delegateId, setDelegateId] = useState<string>();
  const queryClient = useQueryClient();
  const people = useQuery({
    queryKey: ['unit', unitId, 'seat-holders'],
    queryFn: async () => {
      const { items } = await unwrap(api.GET('/api/v1/mandates', { params: { query: { unitId, pageSize: 100 } } }));
      const now = Date.now();
      const ids = items
        .filter((m) => (m.role === 'delegate' || m.role === 'head') && (!m.validTo || Date.parse(m.validTo) > now))
        .map((m) => m.userId);
      return [...new Set(ids)];
    },
    enabled: Boolean(unitId),
  });
  const checkIn = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/meetings/{id}/attendance/check-in', {
          params: { path: { id: meetingId } },
          body: { unitId, delegateId },
        }),
      ),
    onSuccess: () => {
      setUnitId(undefined);
      setDelegateId(undefined);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: meetingKeys.quorum(meetingId) }),
  });
  const names = usePeopleNames(people.data ?? []);
  const absent = units.filter((unit) => !present.some((p) => p.unitId === unit.id));
  return (
    <Form layout="inline" onFinish={() => checkIn.mutate()} aria-label={t('console.meetings.register.checkInTitle')}>
      <Form.Item label={t('console.meetings.register.unit')} htmlFor="checkin-unit">
        <Select
          id="checkin-unit"
          style={{ minWidth: 260 }}
          value={unitId}
          onChange={(value) => {
            setUnitId(value);
            setDelegateId(undefined);
          }}
          options={absent.map((unit) => ({ value: unit.id, label: unit.name }))}
        />
      </Form.Item>
      <Form.Item label={t('console.meetings.register.person')} htmlFor="checkin-person">
        <Select
          id="checkin-person"
          style={{ minWidth: 220 }}
          value={delegateId}
          onChange={setDelegateId}
          disabled={!unitId}
          loading={people.isFetching}
          options={(people.data ?? []).map((userId) => ({ value: userId, label: names.get(userId) ?? '' }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" disabled={!unitId || !delegateId} loading={checkIn.isPending}>
        {t('console.meetings.register.checkIn')}
      </Button>
      <ProblemAlert error={checkIn.error ?? people.error} />
    </Form>
  );
}
