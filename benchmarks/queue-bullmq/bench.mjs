// node bench.mjs REDIS_URL QUEUE CASE JOBS WARMUP — the BullMQ side of benchmarks/queue.sh.
// CASE add-bulk: time Queue.addBulk of JOBS no-op jobs. CASE c1|c5|c50: JOBS jobs are added first (not timed),
// then a Worker at that concurrency runs them; the time from start to the last 'completed' event is measured.
// A warm-up round of WARMUP jobs on QUEUE-warmup runs first, the same way. Prints {"jobs_per_s": …}.
// Job options are the ones the Java side uses (the production defaults both libraries are run with).
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';

const [url, name, benchCase, jobCount, warmupCount] = process.argv.slice(2);
const OPTS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: 1000,
  removeOnFail: 5000,
};

function jobs(n) {
  return Array.from({ length: n }, (_, i) => ({ name: 'noop', data: { n: i }, opts: OPTS }));
}

async function addBulk(queueName, n) {
  const connection = new IORedis(url, { maxRetriesPerRequest: null });
  const queue = new Queue(queueName, { connection });
  await queue.waitUntilReady();
  const batch = jobs(n);
  const start = process.hrtime.bigint();
  await queue.addBulk(batch);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await queue.obliterate({ force: true });
  await queue.close();
  await connection.quit();
  return n / seconds;
}

async function runWorker(queueName, n, concurrency) {
  const connection = new IORedis(url, { maxRetriesPerRequest: null });
  const queue = new Queue(queueName, { connection });
  await queue.addBulk(jobs(n));
  const workerConnection = new IORedis(url, { maxRetriesPerRequest: null });
  let done = 0;
  let finish;
  const allDone = new Promise((resolve) => { finish = resolve; });
  const worker = new Worker(queueName, async () => null,
    { connection: workerConnection, concurrency, autorun: false });
  worker.on('completed', () => {
    done += 1;
    if (done === n) finish(process.hrtime.bigint());
  });
  worker.on('failed', (job, err) => { console.error('failed', job?.id, err?.message); });
  const start = process.hrtime.bigint();
  worker.run();
  const end = await allDone;
  const seconds = Number(end - start) / 1e9;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await connection.quit();
  await workerConnection.quit();
  return n / seconds;
}

async function run(queueName, n) {
  if (benchCase === 'add-bulk') return addBulk(queueName, n);
  const concurrency = Number(benchCase.replace(/^c/, ''));
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`unknown case ${benchCase}`);
  return runWorker(queueName, n, concurrency);
}

if (Number(warmupCount) > 0) await run(`${name}-warmup`, Number(warmupCount));
const jobsPerSecond = await run(name, Number(jobCount));
console.log(JSON.stringify({ jobs_per_s: jobsPerSecond }));
