/** Query keys for whole-database reads on the options page. */
export const dataKeys = {
  all: ['data'] as const,
  stats: () => [...dataKeys.all, 'stats'] as const,
  importJobs: () => [...dataKeys.all, 'import-jobs'] as const,
};
