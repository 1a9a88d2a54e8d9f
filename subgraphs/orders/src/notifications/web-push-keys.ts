import type { MikroORM } from '@mikro-orm/postgresql';
import webpush from 'web-push';

import type { NotificationSettings } from '../config.js';

/** The VAPID identity push messages are signed with. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/**
 * Web push as this instance runs it, shared by the resolvers (the public key, which endpoints are
 * acceptable) and the delivery: filled in when notifications start; `keys` null while web push is off.
 */
export class WebPushState {
  keys: VapidKeys | null = null;
  /** http endpoints are accepted outside production only (a local push service in tests). */
  allowHttpEndpoints = false;
}

/**
 * The key pair in force: VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY when set; in demo mode the pair kept in
 * `push_vapid_key`, generated on the first start (several instances racing insert one: the first
 * wins and every instance reads it back); in production without keys, none (web push is off).
 */
export async function vapidKeysFor(input: {
  orm: MikroORM;
  settings: NotificationSettings;
  production: boolean;
}): Promise<VapidKeys | null> {
  const { orm, settings, production } = input;
  const subject = settings.vapidSubject;
  if (settings.vapidPublicKey && settings.vapidPrivateKey)
    return { publicKey: settings.vapidPublicKey, privateKey: settings.vapidPrivateKey, subject };
  if (production) return null;
  const schema = orm.config.get('schema') ?? 'orders';
  const connection = orm.em.getConnection();
  const fresh = webpush.generateVAPIDKeys();
  await connection.execute(
    `insert into "${schema}"."push_vapid_key" (id, public_key, private_key) values (1, ?, ?) on conflict (id) do nothing`,
    [fresh.publicKey, fresh.privateKey],
  );
  const [kept] = await connection.execute<{ public_key: string; private_key: string }[]>(
    `select public_key, private_key from "${schema}"."push_vapid_key" where id = 1`,
  );
  return { publicKey: kept.public_key, privateKey: kept.private_key, subject };
}
