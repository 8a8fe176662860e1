/**
 * Messages of the judge's offline work: the outbox line and the service worker's help. Merged into
 * the `scoring` namespace (scoring.ts), which every judge page sends.
 */
const en = {
  'offline.waitingOne': '1 change waiting to be sent',
  'offline.waitingOther': '{count} changes waiting to be sent',
  'offline.waitingHint': 'Kept on this device; sent as soon as the network is back.',
} as const;

const fr: Record<keyof typeof en, string> = {
  'offline.waitingOne': '1 modification en attente d’envoi',
  'offline.waitingOther': '{count} modifications en attente d’envoi',
  'offline.waitingHint': 'Gardées sur cet appareil ; envoyées dès le retour du réseau.',
};

export const offlineMessages = { en, fr };
