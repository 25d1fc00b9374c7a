// node produce.mjs REDIS_URL QUEUE SPEC_FILE [PREFIX] — adds the spec's jobs with BullMQ's Queue.add, in order.
import { Queue } from 'bullmq';
import { connect, readSpec } from './common.mjs';

const [url, name, specFile, prefix = 'bull'] = process.argv.slice(2);
const connection = connect(url);
const queue = new Queue(name, { connection, prefix });
const ids = [];
for (const spec of readSpec(specFile)) {
  const job = await queue.add(spec.name, spec.data ?? {}, spec.opts ?? {});
  ids.push(job.id);
  if (spec.submitTwice) {
    await queue.add(spec.name, spec.duplicateData ?? spec.data ?? {}, spec.opts ?? {});
  }
}
console.log(JSON.stringify({ ids }));
await queue.close();
await connection.quit();
