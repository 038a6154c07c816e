import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useProblemMessage } from '../../api/client';
import { RequireSignIn, useSession } from '../../auth/session';
import { formatDate } from '../../format/format';
import { LANGUAGES, setLanguage, type Language } from '../../i18n/i18n';
import { PollStage } from './poll-stage';
import { useMeeting, useMeetingLive, useQuorum } from './projector-queries';
import { QuorumPanel } from './quorum-panel';
import { useScreenWakeLock } from './use-screen-wake-lock';
import './projector.css';

// The QR code's encoder is only needed here: its own chunk, after the page's text is up.
const JoinQrCode = lazy(() => import('./join-qr-code'));

/**
 * The meeting on the hall's wall (1920×1080): read-only, large type, live through the meeting's
 * event stream. Whoever may read the meeting may project it; the secretariat usually does.
 */
export function ProjectorPage() {
  const { t } = useTranslation();
  const { meetingId = '' } = useParams();
  const { status } = useSession();
  return (
    <main
      id="main"
      className={status === 'signed-in' ? 'projector-main' : 'projector-main projector-signed-out'}
      tabIndex={-1}
    >
      {status !== 'signed-in' && <h1>{t('projector.signIn')}</h1>}
      <RequireSignIn>
        <ProjectorScreen meetingId={meetingId} />
      </RequireSignIn>
    </main>
  );
}

function ProjectorScreen({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const meeting = useMeeting(meetingId);
  const connected = useMeetingLive(meetingId, meeting.isSuccess);
  useScreenWakeLock();
  const quorum = useQuorum(meetingId, meeting.isSuccess);

  if (meeting.isPending) return <p className="projector-loading">{t('app.loading')}</p>;
  if (meeting.isError) {
    return (
      <section className="projector-failure" aria-labelledby="projector-failure-title">
        <h1 id="projector-failure-title">{t('projector.failure')}</h1>
        <p role="alert">{problemMessage(meeting.error)}</p>
      </section>
    );
  }
  const { title, place, heldOn, status, agenda } = meeting.data;
  return (
    <div className="projector-screen">
      <header className="projector-header">
        <h1>{title}</h1>
        <p className="projector-meeting-facts">
          <span>{place}</span>
          <span>{formatDate(heldOn)}</span>
          <span className={`projector-meeting-status projector-meeting-status-${status}`}>
            {t(`projector.meetingStatus.${status}`)}
          </span>
        </p>
      </header>
      <div className="projector-stage">
        <PollStage meetingId={meetingId} agenda={agenda} />
      </div>
      <aside className="projector-side" aria-label={t('projector.side')}>
        <JoinPanel meetingId={meetingId} />
        <QuorumPanel query={quorum} />
      </aside>
      <footer className="projector-footer">
        <span>{t('projector.readOnly')}</span>
        <span role="status" className={connected === false ? 'projector-offline' : 'projector-online'}>
          {connected === undefined ? '' : t(connected ? 'projector.live.on' : 'projector.live.off')}
        </span>
        <LanguageChoice />
      </footer>
    </div>
  );
}

function JoinPanel({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}/m/${meetingId}`;
  return (
    <section className="projector-card projector-join" aria-labelledby="projector-join-title">
      <h2 id="projector-join-title">{t('projector.join.title')}</h2>
      <div className="projector-qr">
        <Suspense fallback={<div className="projector-qr-placeholder" />}>
          <JoinQrCode url={url} label={t('projector.join.qrLabel', { url })} />
        </Suspense>
      </div>
      <p className="projector-join-hint">{t('projector.join.hint')}</p>
      <p className="projector-join-url">{url.replace(/^https?:\/\//, '')}</p>
    </section>
  );
}

function LanguageChoice() {
  const { t, i18n } = useTranslation();
  return (
    <label className="projector-language">
      <span>{t('app.language')}</span>
      <select value={i18n.language} onChange={(event) => setLanguage(event.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {language === 'vi' ? 'Tiếng Việt' : 'English'}
          </option>
        ))}
      </select>
    </label>
  );
}
