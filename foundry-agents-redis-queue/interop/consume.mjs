// node consume.mjs REDIS_URL QUEUE EXPECTED_COUNT [PREFIX] — a BullMQ Worker runs the shared handler until
// EXPECTED_COUNT jobs have completed or failed for good.
import { Worker, Queue } from 'bullmq';
import { connect, handle } from './common.mjs';

const [url, name, expected, prefix = 'bull'] = process.argv.slice(2);
const connection = connect(url);
const queue = new Queue(name, { connection, prefix });
const workerConnection = connect(url);
const worker = new Worker(name, async (job) => handle(job), { connection: workerConnection, prefix, concurrency: 5 });
const deadline = Date.now() + 60_000;
for (;;) {
  const counts = await queue.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed', 'prioritized');
  const pending = counts.waiting + counts.active + counts.delayed + counts.prioritized;
  if (counts.completed + counts.failed >= Number(expected) && pending === 0) break;
  if (Date.now() > deadline) {
    console.error('timed out', JSON.stringify(counts));
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 100));
}
await worker.close();
await queue.close();
await connection.quit();
await workerConnection.quit();
