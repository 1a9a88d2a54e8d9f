import { RegisterPushSubscriptionDocument, RemovePushSubscriptionDocument, WebPushPublicKeyDocument } from '@generated/graphql';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { execute } from '../api/graphql';
import { t } from '../lib/i18n';
import { currentSubscription, pushSupported, subscribeDevice, subscriptionInput } from '../lib/web-push';
import { Button } from './ui';

/** "Notify me on this device": subscribes or unsubscribes this browser to web push; nothing where web push cannot work. */
export function PushToggle() {
  const queryClient = useQueryClient();
  const supported = pushSupported();
  const state = useQuery({
    queryKey: ['web-push'],
    enabled: supported,
    queryFn: async () => {
      const [{ webPushPublicKey, pushSubscriptions }, mine] = await Promise.all([execute(WebPushPublicKeyDocument), currentSubscription()]);
      return { publicKey: webPushPublicKey, on: !!mine && pushSubscriptions.some((s) => s.endpoint === mine.endpoint) };
    },
  });
  const toggle = useMutation({
    mutationFn: async () => {
      const mine = await currentSubscription();
      if (state.data?.on && mine) {
        await execute(RemovePushSubscriptionDocument, { endpoint: mine.endpoint });
        await mine.unsubscribe();
        return;
      }
      const subscription = mine ?? (await subscribeDevice(state.data!.publicKey!));
      const input = subscription && subscriptionInput(subscription.toJSON(), navigator.userAgent);
      if (!input) throw new Error(t('push.denied'));
      const { registerPushSubscription } = await execute(RegisterPushSubscriptionDocument, { input });
      if (registerPushSubscription.userErrors.length > 0) throw new Error(registerPushSubscription.userErrors[0].message);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['web-push'] }),
  });
  if (!supported || !state.data?.publicKey) return null;
  return (
    <span className="flex items-center gap-2 text-sm">
      <Button variant="secondary" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
        {state.data.on ? t('push.off') : t('push.on')}
      </Button>
      {toggle.error && <span role="alert">{toggle.error.message}</span>}
    </span>
  );
}
