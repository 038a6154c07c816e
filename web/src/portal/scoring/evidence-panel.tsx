import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, List, Typography, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, useProblemMessage } from '../../api/client';
import { formatInteger } from '../../format/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { refusalOf, type EvidenceLimits } from './evidence-check';
import { uploadEvidence } from './upload-evidence';

interface EvidencePanelProps {
  periodId: string;
  unitId: string;
  itemCode: string;
  limits: EvidenceLimits;
  /** Attaching needs a stored self score and a draft sheet the person may change. */
  editable: boolean;
}

/**
 * A criterion's evidence files: drop or choose several at once, each with its progress bar; a file
 * of a type or size the API refuses is refused here first (the API's own limits), and what the API
 * still refuses is said with its reason.
 */
export function EvidencePanel({ periodId, unitId, itemCode, limits, editable }: EvidencePanelProps) {
  const { t } = useTranslation();
  const messageOf = useProblemMessage();
  const queryClient = useQueryClient();
  const [refusals, setRefusals] = useState<string[]>([]);
  const key = ['portal', 'evidence', periodId, unitId, itemCode];
  const files = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/scoring-periods/{periodId}/units/{unitId}/entries/{itemCode}/evidence', {
          params: { path: { periodId, unitId, itemCode }, query: { pageSize: 100 } },
        }),
      ),
  });
  const [removeError, setRemoveError] = useState<unknown>(null);

  const extensions = [...new Set(limits.types.flatMap((type) => type.extensions))].join(', ');
  const size = t('portal.scoring.mib', { count: Math.round((limits.maxBytes / 1048576) * 10) / 10 });
  const refuse = (sentence: string) => setRefusals((current) => [...current, sentence]);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const refusal = refusalOf(file, limits);
    if (!refusal) return true;
    refuse(
      refusal.reason === 'type'
        ? t('portal.scoring.evidence.refusedType', { name: file.name, extensions })
        : t('portal.scoring.evidence.refusedSize', { name: file.name, size }),
    );
    return Upload.LIST_IGNORE;
  };

  const customRequest: UploadProps['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    const chosen = file as File;
    uploadEvidence({ periodId, unitId, itemCode }, chosen, (percent) => onProgress?.({ percent }))
      .then((stored) => {
        onSuccess?.(stored);
        void queryClient.invalidateQueries({ queryKey: key });
      })
      .catch((error: unknown) => {
        refuse(t('portal.scoring.evidence.refusedByServer', { name: chosen.name, reason: messageOf(error) }));
        onError?.(error as Error);
      });
  };

  const remove = async (id: string) => {
    setRemoveError(null);
    try {
      await unwrap(api.DELETE('/api/v1/evidence-files/{id}', { params: { path: { id } } }));
      await queryClient.invalidateQueries({ queryKey: key });
    } catch (error) {
      setRemoveError(error);
    }
  };

  return (
    <div className="portal-evidence">
      {editable ? (
        <>
          <Upload.Dragger multiple beforeUpload={beforeUpload} customRequest={customRequest} showUploadList>
            <p>{t('portal.scoring.evidence.drop')}</p>
            <p className="portal-muted">{t('portal.scoring.evidence.limits', { extensions, size })}</p>
          </Upload.Dragger>
          {refusals.map((sentence, index) => (
            <Alert key={index} role="alert" type="error" showIcon title={sentence} className="portal-refusal" />
          ))}
        </>
      ) : (
        <Typography.Paragraph className="portal-muted">{t('portal.scoring.evidence.saveFirst')}</Typography.Paragraph>
      )}
      <Typography.Title level={3} className="portal-evidence-title">
        {t('portal.scoring.evidence.files')}
      </Typography.Title>
      {files.error ? <ProblemAlert error={files.error} /> : null}
      <ProblemAlert error={removeError} />
      <List
        size="small"
        locale={{ emptyText: t('portal.scoring.evidence.none') }}
        dataSource={files.data?.items ?? []}
        renderItem={(file) => (
          <List.Item
            actions={
              editable
                ? [
                    <Button key="remove" type="link" danger onClick={() => void remove(file.id)}>
                      {t('portal.scoring.evidence.remove', { name: file.fileName })}
                    </Button>,
                  ]
                : []
            }
          >
            <span>
              {file.fileName}{' '}
              <span className="portal-muted">
                ({t('portal.scoring.evidence.size', { size: formatInteger(file.sizeBytes) })}, SHA-256{' '}
                <code>{file.sha256.slice(0, 12)}…</code>)
              </span>
            </span>
          </List.Item>
        )}
      />
    </div>
  );
}
