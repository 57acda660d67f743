/**
 * Customer-card panels in display order. tests/components/panels.test.ts keeps this list and
 * the files in this folder in step.
 */
import overview from './overview';
import promises from './promises';
import notes from './notes';
import timeline from './timeline';
import type { Panel } from './define-panel';

export const panels: readonly Panel[] = [overview, promises, notes, timeline];
