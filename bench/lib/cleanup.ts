/**
 * What must go away however the bench ends: child processes, the service, the bench database.
 * `finally` blocks cover errors; these handlers cover Ctrl-C and `kill`, which skip `finally`.
 * Tasks run newest first (children before the database they are connected to).
 */
type Task = () => Promise<void> | void;

const tasks: { name: string; run: Task }[] = [];
let installed = false;

async function runAll(): Promise<void> {
  while (tasks.length > 0) {
    const task = tasks.pop()!;
    try {
      await task.run();
    } catch (error) {
      console.error(`cleanup ${task.name} failed:`, error);
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  let cleaning = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // `on`, not `once`: Nest's shutdown hook re-raises the signal after closing the app, and
    // that second one must not kill the process before the database is dropped.
    process.on(signal, () => {
      if (cleaning) return;
      cleaning = true;
      console.error(`\n${signal}: cleaning up…`);
      void runAll().finally(() => process.exit(130));
    });
  }
}

/** Registers a cleanup; the returned function runs it now (once) and unregisters it. */
export function onCleanup(name: string, run: Task): () => Promise<void> {
  install();
  const entry = { name, run };
  tasks.push(entry);
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    const index = tasks.indexOf(entry);
    if (index >= 0) tasks.splice(index, 1);
    await run();
  };
}
