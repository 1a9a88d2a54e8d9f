// The file readers, apart from the main entry so that only the subgraphs that read files load exceljs.
export * from './csv-rows.js';
export * from './table-file.reader.js';
export * from './xlsx-package.reader.js';
