// node inspect.mjs REDIS_URL QUEUE PREFIX ID... — prints one JSON line per job, read through BullMQ's public API.
import { Queue } from 'bullmq';
import { connect } from './common.mjs';

const [url, name, prefix, ...ids] = process.argv.slice(2);
const connection = connect(url);
const queue = new Queue(name, { connection, prefix });
for (const id of ids) {
  const job = await queue.getJob(id);
  if (!job) {
    console.log(JSON.stringify({ id, state: 'missing' }));
    continue;
  }
  console.log(JSON.stringify({
    id, name: job.name, data: job.data, state: await job.getState(), attemptsMade: job.attemptsMade,
    returnvalue: job.returnvalue ?? null, failedReason: job.failedReason ?? null, priority: job.priority,
    progress: job.progress,
  }));
}
console.log(JSON.stringify({ counts: await queue.getJobCounts() }));
await queue.close();
await connection.quit();
