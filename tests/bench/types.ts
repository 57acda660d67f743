/** One measured figure of a benchmark, as tests/bench/run.ts prints it and writes it to bench-results.json. */
export interface BenchResult {
  /**
   * Stable kebab-case id (`analyze-250w-p99-node`): the key in bench-results.json, so results from
   * different runs and machines can be compared by name. Never reworded for presentation.
   */
  name: string;
  /** null (or NaN) when the figure could not be measured this run. */
  value: number | null;
  unit: string;
  /**
   * Upper bound in `unit`: the figure is within budget when value ≤ budget. Absent for figures that
   * are context (noise floor, sizes of parts) rather than promises.
   */
  budget?: number;
  /**
   * Peers only: the peer's median time divided by Rapport's median on the same drafts, measured
   * alongside in the same run.
   */
  ratio?: number;
  detail?: string;
}

/** What every benchmark is told about the run. */
export interface BenchOptions {
  /** Fewer iterations, rows and characters: the same metrics in under five minutes for CI. */
  quick: boolean;
}
