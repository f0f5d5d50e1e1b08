// What became of a service app's copy of its key (record.serviceKey), and what to do when it is not in
// place. The account and the path come from the vendor's manifest and this computer: shown isolated.
import type { ServiceKey } from '../../../shared/service-account';
import { useI18n } from '../i18n';

export function ServiceCopy({ serviceKey }: { serviceKey: ServiceKey }) {
  const { t } = useI18n();
  const say = t.serviceKey[serviceKey.state];
  return (
    <p className={serviceKey.state === 'stored' ? undefined : 'warn'}>
      <bdi>{say(serviceKey.account, serviceKey.path ?? '')}</bdi>
    </p>
  );
}
