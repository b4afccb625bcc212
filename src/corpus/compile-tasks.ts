// What the compiler hands a worker and what it gets back: a batch of documents for one stage (compile-stages.ts), or
// the corpus's texts for its topics. The command line's pool (cli-pool.ts) and the options page's workers both run
// `runCompileTask`, and the compiler checks every result it is given back (`runInPool`).
import { z } from 'zod';
import { entity } from './pack';
import { entityRegistry, topicForms } from './entities';
import { gender } from './names';
import { rawQuestion } from './questions';
import { findTopics } from './topics';
import {
  documentCandidates,
  documentStatements,
  documentText,
  findDocumentCandidates,
  findDocumentStatements,
} from './compile-stages';

/** The merged entities and the people's known sexes: all a worker needs to rebuild the registry. */
const registrySnapshot = z.object({ entities: z.array(entity), gender: z.array(z.tuple([z.string(), gender])) });

const compileTask = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('candidates'), documents: z.array(documentText) }),
  z.object({ kind: z.literal('topics'), texts: z.array(z.string()) }),
  z.object({
    kind: z.literal('statements'),
    registry: registrySnapshot,
    documents: z.array(documentText.pick({ id: true, text: true }).extend({ questions: z.array(rawQuestion) })),
  }),
]);
export type CompileTask = z.infer<typeof compileTask>;

const resultSchemas = {
  candidates: z.array(documentCandidates),
  topics: z.array(topicForms),
  statements: z.array(documentStatements),
};
type CompileResult<K extends CompileTask['kind']> = z.infer<(typeof resultSchemas)[K]>;
/** The same schemas, typed so that a task's kind picks its result's type. */
const compileResult: { [K in CompileTask['kind']]: z.ZodType<CompileResult<K>> } = resultSchemas;

/** Runs the compiler's tasks somewhere else: worker threads in Node, Web Workers in the browser. */
export interface CompilePool {
  /** How many tasks run at once. */
  readonly size: number;
  /** The task's result as the worker sent it, unchecked. */
  run(task: CompileTask): Promise<unknown>;
}

/**
 * Data from the other side of a worker's edge, checked against its schema but kept as it was sent: a parsed copy
 * would order each object's keys as the schema lists them and clean its labels, and the pack must come out byte for
 * byte as the single-thread build makes it. The schemas set no defaults, so what passes is what they describe.
 */
function checked<S extends z.ZodType>(schema: S, data: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new Error(
      `The ${what} that crossed to or from a compile worker is malformed at ${first?.path.join('.') || '(root)'}: ${first?.message ?? 'unknown error'}`,
    );
  }
  return data as z.infer<S>;
}

/** Runs one task where it is called: the whole of a compile worker's work. */
export function runCompileTask(data: unknown): CompileResult<CompileTask['kind']> {
  const task = checked(compileTask, data, 'task');
  switch (task.kind) {
    case 'candidates':
      return task.documents.map(findDocumentCandidates);
    case 'topics':
      return findTopics(task.texts);
    case 'statements': {
      const registry = entityRegistry(task.registry.entities, new Map(task.registry.gender));
      return task.documents.map((doc) => findDocumentStatements(doc, doc.questions, registry));
    }
  }
}

/** A task's result from the pool, checked. */
export async function runInPool<K extends CompileTask['kind']>(
  pool: CompilePool,
  task: Extract<CompileTask, { kind: K }>,
): Promise<CompileResult<K>> {
  return checked(compileResult[task.kind], await pool.run(task), `${task.kind} result`);
}
