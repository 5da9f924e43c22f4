import type { Section } from './section.js';

// Texts of the bulletins screens (issue 7), one section per feature so each can grow on its own.

export const bulletinZhCN = {
  nav: '督查通报',
};

export const bulletinZhTW: Section<typeof bulletinZhCN> = {
  nav: '督查通報',
};

export const bulletinEn: Section<typeof bulletinZhCN> = {
  nav: 'Bulletins',
};
