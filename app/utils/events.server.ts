/**
 * The in-process broadcaster behind the live channel (Server-Sent Events,
 * docs/decisions/008-sse-not-websockets.md): a Map of edition id → the set of open connections.
 *
 * Kept small per connection, because a thousand phones, tablets and projectors may hold one:
 * - a subscriber is one function that enqueues bytes into its response stream, nothing more;
 * - a message is serialised and encoded once, and the same bytes go to every subscriber;
 * - one heartbeat interval for all connections (a comment line every 15 s, so that proxies and
 *   the browser keep the connection open and a dead client is noticed when the write fails),
 *   started with the first subscriber and stopped with the last, skipping a channel that was sent
 *   an event since the previous beat.
 *
 * Callers publish after their transaction has committed, so a screen never shows a change that
 * could still roll back. One process only: several processes would need a shared bus.
 */

import { env } from './env.server';

export type Send = (chunk: Uint8Array) => void;

export const HEARTBEAT_MS = 15_000;
/** How long a browser waits before reconnecting after a dropped connection. */
export const RETRY_MS = 2_000;

const encoder = new TextEncoder();
const channels = new Map<number, Set<Send>>();
let heartbeat: ReturnType<typeof setInterval> | null = null;
/** Channels that were sent an event since the last heartbeat: they need none (any write keeps a proxy open and finds a dead client). */
const sentSinceBeat = new Set<number>();
const HEARTBEAT_BYTES = encoder.encode(': heartbeat\n\n');

/** One SSE event: `id`, `event` and the data on one line (JSON never holds a raw newline). */
export function formatEvent(event: string, id: number | string, data: string): Uint8Array {
  return encoder.encode(`id: ${id}\nevent: ${event}\ndata: ${data}\n\n`);
}

export function retryHint(): Uint8Array {
  return encoder.encode(`retry: ${RETRY_MS}\n\n`);
}

function deliver(send: Send, chunk: Uint8Array, channel: Set<Send>): void {
  try {
    send(chunk);
  } catch {
    // The stream is closed (client gone): forget it.
    channel.delete(send);
  }
}

/**
 * A heartbeat to every channel that was sent nothing since the last one. During a live final the
 * stage changes every few seconds, so the heartbeat's own pass over ten thousand sockets never
 * lands on an organiser's change.
 */
function beat(): void {
  for (const [editionId, channel] of channels) {
    if (sentSinceBeat.has(editionId)) continue;
    for (const send of channel) deliver(send, HEARTBEAT_BYTES, channel);
  }
  sentSinceBeat.clear();
}

function startHeartbeat(): void {
  if (heartbeat) return;
  sentSinceBeat.clear();
  heartbeat = setInterval(beat, HEARTBEAT_MS);
  // Never keeps the process alive on its own (tests, graceful shutdown).
  heartbeat.unref?.();
}

function stopHeartbeatIfIdle(): void {
  if (heartbeat && subscriberCount() === 0) {
    clearInterval(heartbeat);
    heartbeat = null;
  }
}

/** Adds a connection to an edition's channel; returns the function that removes it. */
export function subscribe(editionId: number, send: Send): () => void {
  let channel = channels.get(editionId);
  if (!channel) {
    channel = new Set();
    channels.set(editionId, channel);
  }
  channel.add(send);
  startHeartbeat();
  return () => {
    const current = channels.get(editionId);
    if (current) {
      current.delete(send);
      if (current.size === 0) channels.delete(editionId);
    }
    stopHeartbeatIfIdle();
  };
}

/** Sends the same bytes to every connection of the edition. */
export function publish(editionId: number, chunk: Uint8Array): number {
  const channel = channels.get(editionId);
  if (!channel) return 0;
  sentSinceBeat.add(editionId);
  for (const send of channel) deliver(send, chunk, channel);
  return channel.size;
}

export function subscriberCount(editionId?: number): number {
  if (editionId !== undefined) return channels.get(editionId)?.size ?? 0;
  let n = 0;
  for (const channel of channels.values()) n += channel.size;
  return n;
}

// ─── Connection limits (docs/decisions/022-request-limits.md) ───────────────

const openPerAddress = new Map<string, number>();
let openTotal = 0;

export interface ConnectionLimits {
  perAddress: number;
  total: number;
}

function configuredLimits(): ConnectionLimits {
  return { perAddress: env().SSE_MAX_PER_ADDRESS, total: env().SSE_MAX_TOTAL };
}

/**
 * Takes one of the live-channel places for this address: its release function (idempotent), or
 * null when the address (SSE_MAX_PER_ADDRESS) or the server (SSE_MAX_TOTAL) has no place left.
 */
export function reserveConnection(ip: string, limits: ConnectionLimits = configuredLimits()): (() => void) | null {
  const mine = openPerAddress.get(ip) ?? 0;
  if (mine >= limits.perAddress || openTotal >= limits.total) return null;
  openPerAddress.set(ip, mine + 1);
  openTotal += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    openTotal -= 1;
    const left = (openPerAddress.get(ip) ?? 1) - 1;
    if (left <= 0) openPerAddress.delete(ip);
    else openPerAddress.set(ip, left);
  };
}

/** Places taken, overall or by one address (for tests and the health of the stage). */
export function reservedConnections(ip?: string): number {
  return ip === undefined ? openTotal : (openPerAddress.get(ip) ?? 0);
}
