// Shared by the Node interop scripts: a connection BullMQ accepts, and the spec format of interop.sh.
import { readFileSync } from 'node:fs';
import IORedis from 'ioredis';

export function connect(url) {
  return new IORedis(url, { maxRetriesPerRequest: null });
}

export function readSpec(file) {
  return JSON.parse(readFileSync(file, 'utf8')).jobs;
}

// The handler both sides implement: ok -> {echo: n}; fail-once -> throws on the first attempt; fail-always -> boom-n.
export function handle(job) {
  const n = job.data?.n ?? 0;
  switch (job.data?.mode) {
    case 'fail-once':
      if (job.attemptsMade === 0) throw new Error(`first-attempt-${n}`);
      return { echo: n };
    case 'fail-always':
      throw new Error(`boom-${n}`);
    default:
      return { echo: n };
  }
}
