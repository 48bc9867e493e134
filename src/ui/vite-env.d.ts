/// <reference types="vite/client" />

declare module 'virtual:parley-catalog' {
  const catalog: import('./logic/catalog.ts').CatalogEntry[];
  export default catalog;
}

/** The bundled scenarios' party briefings and reflection questions by file name (quotes by scenario id), left out of the catalog to keep the first page light. */
declare module 'virtual:parley-briefings' {
  const briefings: Readonly<Record<string, import('./logic/briefings.ts').BriefingsByParty>>;
  export default briefings;
  export const reflection: Readonly<Record<string, readonly import('../scenario/core.ts').ReflectionItem[]>>;
  export const quotes: import('./logic/briefings.ts').QuotesByScenario;
}
