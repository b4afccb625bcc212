// A worker thread of the command line's pool (cli-pool.ts): it runs the compiler's tasks. The compiler is TypeScript,
// read through tsx; Node 20 does not hand tsx's loader on to worker threads (privatenumber/tsx#354), so the worker
// registers it itself before loading the tasks.
import { register } from 'tsx/esm/api';

register();
const { runCompileTask } = await import('./compile-tasks.ts');

export default runCompileTask;
