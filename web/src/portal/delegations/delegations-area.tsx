import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { registerMessages } from '../../i18n/i18n';
import { usePortalScope } from '../portal-scope';
import { CreateDelegationForm } from './create-delegation-form';
import { DelegationsTable } from './delegations-table';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { useUnitPeople } from './use-unit-people';

registerMessages({ vi, en });

/** /portal/delegations: the head's delegations of the unit — to whom, for which window; made and revoked. */
export default function DelegationsArea() {
  const { t } = useTranslation();
  const { unit } = usePortalScope();
  const people = useUnitPeople(unit?.id);
  return (
    <>
      <Typography.Title level={1}>{t('portal.delegations.title')}</Typography.Title>
      <Typography.Paragraph>{t('portal.delegations.intro')}</Typography.Paragraph>
      {unit && <CreateDelegationForm unitId={unit.id} people={people.people} />}
      {unit && <DelegationsTable unitId={unit.id} nameOf={people.nameOf} />}
    </>
  );
}
