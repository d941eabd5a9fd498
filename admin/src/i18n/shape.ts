// The English messages must have exactly the keys of the Chinese ones: typing each English file as
// `SameKeys<typeof zh…>` makes tsc report a label missing or misspelled in either language.
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };
