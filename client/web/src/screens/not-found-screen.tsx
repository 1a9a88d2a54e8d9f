import { Link } from 'react-router';

import { Notice, PageTitle } from '../components/ui';
import { t } from '../lib/i18n';

export function NotFoundScreen() {
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Notice>
        <Link to="/">{t('notFound.back')}</Link>
      </Notice>
    </>
  );
}
