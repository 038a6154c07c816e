import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useId, useMemo, useState, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDecimal } from '../../format/format';
import { refusalOf } from '../../portal/scoring/evidence-check';
import { ProblemAlert } from '../../ui/problem-alert';
import { flagKeys } from './flag-keys';

type Flag = Schemas['FlagResponseDto'];

/**
 * The flag's photo: shown when there is one, and replaced by an image the clerk uploads
 * (`PUT /flags/{id}/photo`). The API's limits (GET /evidence-limits, its image kinds) are checked
 * before sending; the server still reads the bytes and refuses what is not an image, in words.
 */
export function FlagPhoto({ flag }: { flag: Flag }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File>();
  const [missingFile, setMissingFile] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const limits = useQuery({
    queryKey: ['evidence-limits'],
    queryFn: () => unwrap(api.GET('/api/v1/evidence-limits')),
    staleTime: Infinity,
  });
  const imageLimits = useMemo(
    () =>
      limits.data && {
        maxBytes: limits.data.maxBytes,
        types: limits.data.types.filter((type) => type.contentType.startsWith('image/')),
      },
    [limits.data],
  );
  const refusal = file && imageLimits ? refusalOf(file, imageLimits) : null;
  const upload = useMutation({
    mutationFn: (image: File) => {
      const body = new FormData();
      body.append('file', image, image.name);
      return unwrap(
        api.PUT('/api/v1/flags/{id}/photo', {
          params: { path: { id: flag.id } },
          // The generated type says `file: string`; the route takes the multipart file itself.
          body: body as unknown as { file: string },
        }),
      );
    },
    onSuccess: (updated) => {
      setFile(undefined);
      // The chooser shows no file either: what it showed is uploaded.
      if (input.current) input.current.value = '';
      queryClient.setQueryData(flagKeys.ofCluster(flag.clusterId), updated);
    },
  });
  const start = () => {
    setMissingFile(!file);
    if (file && !refusal) upload.mutate(file);
  };

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('console.flag.photo.title')}</h2>}>
      {flag.photo ? (
        <PhotoImage flag={flag} sha256={flag.photo.sha256} />
      ) : (
        <Typography.Paragraph>{t('console.flag.photo.none')}</Typography.Paragraph>
      )}
      <Flex vertical gap="small" style={{ marginTop: 16, maxWidth: 480 }}>
        <label htmlFor={inputId}>{flag.photo ? t('console.flag.photo.replace') : t('console.flag.photo.choose')}</label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={imageLimits?.types.map((type) => type.contentType).join(',') ?? 'image/*'}
          aria-describedby={`${inputId}-help`}
          onChange={(event) => {
            setFile(event.target.files?.[0]);
            setMissingFile(false);
            upload.reset();
          }}
        />
        <Typography.Text type="secondary" id={`${inputId}-help`}>
          {imageLimits
            ? t('console.flag.photo.help', {
                extensions: imageLimits.types.map((type) => type.extensions[0].toUpperCase()).join(', '),
                size: formatDecimal(imageLimits.maxBytes / (1024 * 1024)),
              })
            : null}
        </Typography.Text>
        {missingFile ? <Alert role="alert" type="warning" showIcon title={t('console.flag.photo.missing')} /> : null}
        {refusal ? (
          <Alert
            role="alert"
            type="error"
            showIcon
            title={
              refusal.reason === 'type'
                ? t('console.flag.photo.wrongType', {
                    extensions: refusal.extensions.map((extension) => extension.toUpperCase()).join(', '),
                  })
                : t('console.flag.photo.tooLarge', { size: formatDecimal(refusal.maxBytes / (1024 * 1024)) })
            }
          />
        ) : null}
        <ProblemAlert error={upload.error} title={t('console.flag.photo.refused')} />
        {upload.isSuccess ? <Alert role="status" type="success" showIcon title={t('console.flag.photo.done')} /> : null}
        <div>
          <Button type="primary" onClick={start} loading={upload.isPending} disabled={Boolean(refusal)}>
            {t('console.flag.photo.upload')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
}

/** The bytes as a data: URL (the page's Content-Security-Policy allows data: images, not blob:). */
function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(blob);
  });
}

/** The photo's bytes come with the session's token, so they are read through the API and shown from a data: URL. */
function PhotoImage({ flag, sha256 }: { flag: Flag; sha256: string }) {
  const { t } = useTranslation();
  const photo = useQuery({
    queryKey: [...flagKeys.all, flag.id, 'photo', sha256],
    queryFn: async () =>
      dataUrlOf(
        (await unwrap(
          api.GET('/api/v1/flags/{id}/photo', { params: { path: { id: flag.id } }, parseAs: 'blob' }),
        )) as Blob,
      ),
    staleTime: Infinity,
  });
  if (photo.error) return <ProblemAlert error={photo.error} />;
  if (!photo.data) return <Typography.Paragraph role="status">{t('console.flag.photo.loading')}</Typography.Paragraph>;
  return (
    <figure style={{ margin: 0 }}>
      <img
        src={photo.data}
        alt={t('console.flag.photo.alt', { name: flag.name })}
        style={{ maxWidth: '100%', maxHeight: 360 }}
      />
      <figcaption>
        <Typography.Text type="secondary">
          {t('console.flag.photo.digest')} <code>{sha256}</code>
        </Typography.Text>
      </figcaption>
    </figure>
  );
}
