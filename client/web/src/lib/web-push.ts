/**
 * Web push on this device: the browser's PushManager subscribed with the server's VAPID key, then
 * handed to the graph (registerPushSubscription). public/sw.js shows what arrives.
 */

/** The VAPID public key (base64url) as PushManager.subscribe wants it. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4);
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** The graph's input from a browser subscription (PushSubscription.toJSON()); null when it lacks its keys. */
export function subscriptionInput(
  json: { endpoint?: string; keys?: Record<string, string> },
  userAgent: string,
): { endpoint: string; p256dh: string; auth: string; userAgent: string } | null {
  if (!json.endpoint || !json.keys?.p256dh || !json.keys.auth) return null;
  return { endpoint: json.endpoint, p256dh: json.keys.p256dh, auth: json.keys.auth, userAgent: userAgent.slice(0, 300) };
}

/** Whether this browser can receive web push at all (a service worker, PushManager, notifications). */
export function pushSupported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof PushManager !== 'undefined' && 'Notification' in window;
}

/** This device's current subscription, if any. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.ready;
  return registration.pushManager.getSubscription();
}

/** Asks for permission and subscribes this device with the server's key; null when the user said no. */
export async function subscribeDevice(publicKey: string): Promise<PushSubscription | null> {
  if ((await Notification.requestPermission()) !== 'granted') return null;
  const registration = await navigator.serviceWorker.ready;
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: applicationServerKey(publicKey) });
}
