/** A section's zh-TW and en texts must have the zh-CN section's keys (any strings). */
export type Section<T> = { [K in keyof T]: T[K] extends string ? string : Section<T[K]> };
