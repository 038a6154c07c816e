import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { CountingRecordContent } from '../../signing/counting-record-content';
import { SignDocument } from '../../signing/sign-document';
import { countingRecordKey } from './use-counting-records';

type CountingRecord = Schemas['CountingRecordResponseDto'];

/** /portal/signing/counting-record/:pollId: the counting record, read, then signed by a board member. */
export function CountingRecordSigning() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { pollId } = useParams() as { pollId: string };
  const path = { id: pollId };
  const pending = (record: CountingRecord) => record.pendingBoardMembers.some((m) => m.userId === me?.user.id);
  return (
    <>
      <Link to="/portal/signing">{t('portal.signing.back')}</Link>
      <Typography.Title level={1}>{t('portal.signing.countingRecord.title')}</Typography.Title>
      <SignDocument<CountingRecord>
        title={t('portal.signing.documentHeading')}
        queryKey={countingRecordKey(pollId)}
        fetchDocument={() => unwrap(api.GET('/api/v1/polls/{id}/counting-record', { params: { path } }))}
        postSignature={(body, key) =>
          unwrap(
            api.POST('/api/v1/polls/{id}/counting-record/signatures', {
              params: { path, header: { 'Idempotency-Key': key } },
              body,
            }),
          )
        }
        canSign={pending}
        render={(record) => (
          <>
            {!pending(record) && (
              <Typography.Paragraph strong>{t('portal.signing.countingRecord.alreadySigned')}</Typography.Paragraph>
            )}
            <CountingRecordContent content={record.content} />
          </>
        )}
      />
    </>
  );
}
