import type { Section } from './section.js';

// Texts of the accountability screens (issue 7), one section per feature so each can grow on its own.

export const accountabilityZhCN = {
  nav: '问责',
};

export const accountabilityZhTW: Section<typeof accountabilityZhCN> = {
  nav: '問責',
};

export const accountabilityEn: Section<typeof accountabilityZhCN> = {
  nav: 'Accountability',
};
