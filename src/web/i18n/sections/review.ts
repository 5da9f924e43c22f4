import type { Section } from './section.js';

// Texts of the item review screens (issue 7), one section per feature so each can grow on its own.

export const reviewZhCN = {
  nav: '逐项分析',
};

export const reviewZhTW: Section<typeof reviewZhCN> = {
  nav: '逐項分析',
};

export const reviewEn: Section<typeof reviewZhCN> = {
  nav: 'Item review',
};
