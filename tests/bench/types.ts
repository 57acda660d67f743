/** One measured figure of a benchmark, as tests/bench/run.ts prints and records it. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The budget, human-readable: "< 2 ms". */
  target?: string;
  detail?: string;
}
