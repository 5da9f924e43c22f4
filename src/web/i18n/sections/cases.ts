import type { Section } from './section.js';

// Texts of the case library screens (issue 7), one section per feature so each can grow on its own.

export const caseZhCN = {
  nav: '典型案例',
};

export const caseZhTW: Section<typeof caseZhCN> = {
  nav: '典型案例',
};

export const caseEn: Section<typeof caseZhCN> = {
  nav: 'Case library',
};
