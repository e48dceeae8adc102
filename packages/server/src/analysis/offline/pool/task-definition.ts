// What a task kind is: a module whose default export loads what it needs once per worker thread (models,
// wasm) and then runs one input at a time. The pool knows kinds only through a catalog of such modules.

export interface TaskDefinition<I, O> {
  /** Runs once per worker thread, before its first task. */
  load?(): Promise<void>;
  run(input: I): Promise<O>;
}

/** Kind → its input and output: the types the main thread sees for each kind. */
export type TaskMap = Record<string, { input: unknown; output: unknown }>;

/** Kind → the module (a file URL) whose default export is that kind's TaskDefinition. */
export type TaskCatalog<T extends TaskMap> = { readonly [K in keyof T]: URL };

/** Types a task module's default export against its entry in a TaskMap. */
export const defineTask = <I, O>(task: TaskDefinition<I, O>): TaskDefinition<I, O> => task;
