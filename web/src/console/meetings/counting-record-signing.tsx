import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { CountingRecordContent } from '../../signing/counting-record-content';
import { SignDocument } from '../../signing/sign-document';
import { consoleMeetingKeys, type Poll } from './meeting-queries';

type CountingRecord = Schemas['CountingRecordResponseDto'];

/**
 * The clerk signs the counting record for the secretariat, on this device (docs/console/meetings.md):
 * the same reading and signing as a board member's in the portal. One secretariat signature is enough.
 */
export function CountingRecordSigning({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const path = { id: poll.id };
  return (
    <Card>
      <SignDocument<CountingRecord>
        title={t('console.meetings.record.sign.title')}
        queryKey={consoleMeetingKeys.record(poll.id)}
        fetchDocument={() => unwrap(api.GET('/api/v1/polls/{id}/counting-record', { params: { path } }))}
        postSignature={(body, key) =>
          unwrap(
            api.POST('/api/v1/polls/{id}/counting-record/signatures', {
              params: { path, header: { 'Idempotency-Key': key } },
              body,
            }),
          )
        }
        canSign={(record) => !record.secretariatSigned}
        keysPath="/console/keys"
        render={(record) => (
          <>
            {record.secretariatSigned && (
              <Typography.Paragraph strong>{t('console.meetings.record.sign.done')}</Typography.Paragraph>
            )}
            <CountingRecordContent content={record.content} />
          </>
        )}
      />
    </Card>
  );
}
