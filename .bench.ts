import { benchAnalysis } from './tests/bench/analysis';
benchAnalysis().then((r) => console.table(r));
