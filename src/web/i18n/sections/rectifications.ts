import type { Section } from './section.js';

// Texts of the rectification screens (issue 7), one section per feature so each can grow on its own.

export const rectificationZhCN = {
  nav: '整改销号',
};

export const rectificationZhTW: Section<typeof rectificationZhCN> = {
  nav: '整改銷號',
};

export const rectificationEn: Section<typeof rectificationZhCN> = {
  nav: 'Rectification',
};
