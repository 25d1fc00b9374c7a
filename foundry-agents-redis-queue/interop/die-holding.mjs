// node die-holding.mjs REDIS_URL QUEUE [PREFIX] — a BullMQ Worker that takes one job and dies holding it (the
// process exits inside the processor, so the lock is never renewed or released). Prints {"took": id}.
// Short lock and stalled settings, so another worker's stalled check can recover the job within a second.
import { Worker } from 'bullmq';
import { connect } from './common.mjs';

const [url, name, prefix = 'bull'] = process.argv.slice(2);
new Worker(name, async (job) => {
  console.log(JSON.stringify({ took: job.id }));
  process.exit(0);
}, { connection: connect(url), prefix, concurrency: 1, lockDuration: 500, stalledInterval: 500 });
