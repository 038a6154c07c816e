import { Card, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../format/format';
import { daysLeft } from './days-left';

export type TodoState = 'todo' | 'returned' | 'waiting' | 'done';

const COLOUR: Record<TodoState, string> = { todo: 'blue', returned: 'orange', waiting: 'gold', done: 'green' };

export interface TodoCardProps {
  title: string;
  state: TodoState;
  text: string;
  /** A calendar day (`YYYY-MM-DD`, Asia/Ho_Chi_Minh). */
  deadline?: string;
  /** The head's (or the secretariat's) comment when they returned it. */
  comment?: string | null;
  link: string;
  linkText: string;
}

/** One thing to do: what, where it stands, by when (days left), the return comment, and its form. */
export function TodoCard({ title, state, text, deadline, comment, link, linkText }: TodoCardProps) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="portal-todo" role="listitem">
      <Typography.Title level={2} className="portal-todo-title">
        {title} <Tag color={COLOUR[state]}>{t(`portal.home.state.${state}`)}</Tag>
      </Typography.Title>
      <p>{text}</p>
      {deadline && state !== 'done' ? <DeadlineLine deadline={deadline} /> : null}
      {comment ? (
        <p>
          {t('portal.home.returnedComment')} <q className="portal-comment">{comment}</q>
        </p>
      ) : null}
      <Link to={link}>{linkText}</Link>
    </Card>
  );
}

function DeadlineLine({ deadline }: { deadline: string }) {
  const { t } = useTranslation();
  const left = daysLeft(deadline, new Date());
  const when =
    left > 0
      ? t('portal.home.daysLeft', { count: left })
      : left === 0
        ? t('portal.home.dueToday')
        : t('portal.home.overdue', { count: -left });
  return (
    <p className={left < 0 ? 'portal-overdue' : undefined}>
      {t('portal.home.deadline', { date: formatDate(deadline) })} — {when}
    </p>
  );
}
