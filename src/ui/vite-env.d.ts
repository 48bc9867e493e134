/// <reference types="vite/client" />

declare module 'virtual:parley-catalog' {
  const catalog: import('./logic/catalog.ts').CatalogEntry[];
  export default catalog;
}
