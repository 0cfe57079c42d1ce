// A worker thread of a folder batch: checks the files it is sent, one at a time.
import { parentPort } from 'worker_threads';
import { checkFile } from './analyze';
import type { CheckTask, CheckDone } from './pool';

const port = parentPort;
if (port) {
  port.on('message', (task: CheckTask) => {
    void checkFile(task.file, task.profile, task.sheet, task.limits).then((result) => {
      const done: CheckDone = { id: task.id, result };
      port.postMessage(done);
    });
  });
}
