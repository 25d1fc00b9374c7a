// node queue-admin.mjs REDIS_URL QUEUE pause|resume [PREFIX] — BullMQ's queue-level pause and resume, which every
// worker of the queue (Node or Java) must honour. Prints {"paused": bool} read back with Queue.isPaused().
import { Queue } from 'bullmq';
import { connect } from './common.mjs';

const [url, name, command, prefix = 'bull'] = process.argv.slice(2);
const connection = connect(url);
const queue = new Queue(name, { connection, prefix });
if (command === 'pause') await queue.pause();
else if (command === 'resume') await queue.resume();
else throw new Error(`unknown command ${command}`);
console.log(JSON.stringify({ paused: await queue.isPaused() }));
await queue.close();
await connection.quit();
