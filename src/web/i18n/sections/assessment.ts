import type { Section } from './section.js';

// Texts of the assessment screens (issue 7), one section per feature so each can grow on its own.

export const assessmentZhCN = {
  nav: '考核评价',
};

export const assessmentZhTW: Section<typeof assessmentZhCN> = {
  nav: '考核評價',
};

export const assessmentEn: Section<typeof assessmentZhCN> = {
  nav: 'Assessment',
};
